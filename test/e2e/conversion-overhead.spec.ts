import { join } from 'node:path'
import { channels } from './harness/channels'
import { test, expect } from './harness/fixtures'

test.use({ viewport: { width: 1280, height: 720 } })

/**
 * A USD agreement (7 % overhead) received at 1.10 and spent at 1.12: choosing the receipts'
 * average changes its figures and names the rule; posting its overhead raises the untied fund.
 */
test('an agreement’s conversion rule and its overhead, on its page', async ({ app, page }) => {
  await app.core.createFile(join(app.folder, 'regles.sqlite'))
  const call = channels(app.core)
  for (const [rateDate, rate] of [
    ['2025-12-31', '1.10'],
    ['2026-04-01', '1.12'],
  ] as const)
    await call('rates.add', { currency: 'USD', rateDate, rate, source: 'Test', series: 'bank' })
  const funder = await call('funders.create', {
    name: 'Fondation américaine',
    kind: 'foundation',
    defaultCurrency: 'USD',
  })
  const agreement = await call('agreements.create', {
    funderId: funder.id,
    reference: 'US-REGLE',
    title: 'Gouvernance locale',
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    currency: 'USD',
    amount: '100000',
    earmarking: 'programme',
    programmeCode: 'local_governance',
    nature: 'operating',
    indirectCostMaxPercent: '7',
  })
  await call('receipts.add', {
    confirmed: true,
    agreementId: agreement.id,
    receivedOn: '2026-01-20',
    amount: '55000',
  })
  const budget = await call('budget.create', { year: 2026 })
  const withLine = await call('budget.saveItem', {
    versionId: budget.version.id,
    kind: 'line',
    code: 'G1',
    label: 'Gestion',
    direction: 'expense',
    nature: 'operating',
    planned: '100000',
  })
  const lineKey = withLine.items[0]?.lineKey ?? ''
  // 10,000 € on 15 April: 11,200.00 USD at the bank, 11,000.00 at the receipts' average.
  await call('budget.addExpense', {
    confirmed: true,
    lineKey,
    spentOn: '2026-04-15',
    agreementId: agreement.id,
    description: 'Atelier',
    amount: '10000',
    currency: 'EUR',
  })
  await app.open()
  await page.getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: 'Ouvrir US-REGLE' }).click()
  await expect(
    page.getByText(/selon la règle de conversion : Taux de la banque du jour/),
  ).toBeVisible()
  const spent = page.locator('[data-figure="spent"]').first()
  await expect(spent).toContainText('11\u202f200,00')

  const rule = page.getByRole('textbox', { name: 'Règle de conversion' })
  await rule.click()
  await page.getByRole('option', { name: 'Moyenne pondérée des versements reçus' }).click()
  await page.getByRole('button', { name: 'Appliquer la règle' }).click()
  await expect(
    page.getByText(/selon la règle de conversion : Moyenne pondérée des versements reçus/),
  ).toBeVisible()
  await expect(spent).toContainText('11\u202f000,00')
  await expect(page.locator('[data-figure="exchangeDifference"]').first()).toContainText('-200,00')

  // Overhead: 7 % of the direct costs as the agreement's rule counts them (11,000.00 USD at the
  // receipts' average, not the bank's 11,200.00) is 770.00 USD.
  const overhead = page.getByRole('table', { name: 'Frais indirects récupérés' })
  await overhead.scrollIntoViewIfNeeded()
  await page.getByRole('textbox', { name: 'Date de l’écriture', exact: true }).fill('2025-12-01')
  await page.getByRole('button', { name: 'Comptabiliser les frais indirects' }).click()
  // Refused on the field in view: before the agreement's start.
  await expect(page.getByText(/au plus tôt le 01\/01\/2026/)).toBeInViewport()
  const before = await call('funds.summary', {})
  await page.getByRole('textbox', { name: 'Date de l’écriture', exact: true }).fill('2026-04-30')
  await page.getByRole('button', { name: 'Comptabiliser les frais indirects' }).click()
  await expect(page.getByText('Frais indirects comptabilisés.')).toBeVisible()
  await expect(overhead.getByRole('row', { name: /^Déjà récupérés/ })).toContainText('770,00')
  // 770.00 USD at the receipts' average 1.10: 700.00 € more in the untied fund.
  const after = await call('funds.summary', {})
  expect(after.byClass.untied.received - before.byClass.untied.received).toBe(70_000)
})
