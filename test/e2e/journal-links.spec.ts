import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { channels, euPeaceAgreement } from './harness/channels'
import { test, expect, E2E_YEAR } from './harness/fixtures'

const year = E2E_YEAR

async function openJournal(page: Page) {
  await page.getByRole('button', { name: 'Paramètres' }).click()
  await page
    .getByRole('navigation', { name: 'Sections des paramètres' })
    .getByRole('button', { name: 'Journal des modifications' })
    .click()
  return page.getByRole('table', { name: 'Journal des modifications' })
}

test('« Voir » in the journal opens a receipt’s agreement and a tranche’s project, on their tab, with the row marked', async ({
  app,
  page,
}) => {
  test.setTimeout(150_000)
  await app.core.createFile(join(app.folder, 'journal-voir.sqlite'))
  const call = channels(app.core)
  const { agreement } = await euPeaceAgreement(call, year)
  for (const [day, amount] of [
    ['02-16', '750000'],
    ['03-20', '41000'],
  ] as const)
    await call('receipts.add', {
      confirmed: true,
      agreementId: agreement.id,
      receivedOn: `${year}-${day}`,
      amount,
    })
  const lome = await call('members.create', {
    kind: 'city',
    name: 'Commune de Lomé',
    country: 'TG',
    status: 'active',
  })
  const project = await call('projects.create', {
    title: 'Forage de Bè',
    memberId: lome.id,
    sectorCode: '14030',
    programme: 'essential_services',
    nature: 'investment',
    currency: 'EUR',
    totalCost: '2000',
  })
  for (const [day, amount] of [
    ['03-01', '600'],
    ['06-01', '1400'],
  ] as const)
    await call('projects.addTranche', {
      projectId: project.id,
      plannedOn: `${year}-${day}`,
      amount,
    })

  await app.open()
  const journal = await openJournal(page)
  // The first receipt's line (the journal's narrow columns show its record and what changed).
  const receiptLine = journal.getByRole('row').filter({ hasText: 'Montant : — → 750\u202f000,00' })
  // Two lines: the receipt and the ledger entry it made, which leads to the receipt too.
  await expect(receiptLine).toHaveCount(2, { timeout: 60_000 })
  await receiptLine.last().getByRole('button', { name: /^Voir/ }).click()

  await expect(page.getByRole('heading', { name: `UE-${year}-PAIX` })).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Encaissements', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  const marked = page.locator('[data-marked="true"]')
  await expect(marked).toHaveCount(1)
  await expect(marked).toContainText('750\u202f000,00')
  await expect(marked).not.toContainText('41\u202f000,00')
  await expect(marked).toHaveAttribute('aria-current', 'true')
  await expect(marked).toBeInViewport()
  await app.expectAccessible()

  // Back to the journal, then a tranche: its project's page, on « Tranches ».
  const again = await openJournal(page)
  const trancheLine = again.getByRole('row').filter({ hasText: `Prévu le : — → 01/06/${year}` })
  await expect(trancheLine).toHaveCount(1, { timeout: 60_000 })
  await trancheLine.getByRole('button', { name: /^Voir/ }).click()
  await expect(page.getByRole('heading', { name: new RegExp(project.code) }).first()).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Tranches', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await expect(marked).toHaveCount(1)
  await expect(marked).toContainText('1\u202f400,00')
  await expect(marked).toBeInViewport()
})
