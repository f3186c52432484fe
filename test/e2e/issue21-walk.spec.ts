import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { channels } from './harness/channels'
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

/** « Voir » on the journal's one line showing `text`; the history's length once it is clicked. */
async function see(page: Page, text: string) {
  const journal = await openJournal(page)
  const line = journal.getByRole('row').filter({ hasText: text })
  await expect(line).toHaveCount(1, { timeout: 60_000 })
  await line.getByRole('button', { name: /^Voir/ }).click()
  return page.evaluate(() => window.history.length)
}

/** The row marked, in view; then the mark taken out of the address with no history entry. */
async function expectMarkedThenDropped(page: Page, entries: number) {
  const marked = page.locator('[data-marked="true"]')
  await expect(marked).toHaveCount(1)
  await expect(marked).toHaveAttribute('aria-current', 'true')
  await expect(marked).toBeInViewport()
  await expect.poll(() => new URL(page.url()).searchParams.has('mark')).toBe(false)
  expect(await page.evaluate(() => window.history.length)).toBe(entries)
  return marked
}

test('« Voir » marks an agreement’s heading, a dues band, a chart account and a contact on their page, then leaves the address clean', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1280, height: 720 })
  await app.core.createFile(join(app.folder, 'voir-partout.sqlite'))
  const call = channels(app.core)
  const funder = await call('funders.create', {
    name: 'Union européenne',
    kind: 'multilateral',
    defaultCurrency: 'EUR',
  })
  const agreement = await call('agreements.create', {
    funderId: funder.id,
    reference: `UE-${year}-PAIX`,
    title: 'Consolidation de la paix',
    signedOn: `${year}-01-10`,
    startsOn: `${year}-01-01`,
    endsOn: `${year + 2}-12-31`,
    currency: 'EUR',
    amount: '830000',
    earmarking: 'programme',
    programmeCode: 'essential_services',
    nature: 'operating',
  })
  await call('agreements.saveHeadings', {
    agreementId: agreement.id,
    headings: [
      { code: 'A1', label: 'Frais de personnel', role: 'direct', amount: '600000' },
      { code: 'A2', label: 'Équipements', role: 'direct', amount: '200000' },
      { code: 'B1', label: 'Frais de gestion', role: 'indirect', amount: '30000' },
    ],
  })
  await call('dues.saveScale', {
    year,
    bands: [
      {
        memberKind: 'city',
        populationFrom: 0,
        populationTo: 99999,
        amount: '800',
        currency: 'EUR',
        label: 'Petite ville',
      },
      {
        memberKind: 'city',
        populationFrom: 100000,
        amount: '1320',
        currency: 'EUR',
        label: 'Grande ville',
      },
    ],
  })
  await call('accounting.saveAccount', { number: '471900', label: 'Compte d’attente des dons' })
  const lome = await call('members.create', {
    kind: 'city',
    name: 'Commune de Lomé',
    country: 'TG',
    status: 'active',
  })
  await call('members.addContact', { memberId: lome.id, name: 'Awa Traoré', role: 'Trésorière' })
  await app.open()

  // A heading of the funder's budget: the agreement's « Budget par rubrique », its line marked.
  let entries = await see(page, 'A2 — Équipements')
  await expect(page.getByRole('tab', { name: 'Budget par rubrique', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  let marked = await expectMarkedThenDropped(page, entries)
  await expect(marked.getByRole('textbox', { name: 'Rubrique', exact: true })).toHaveValue(
    'Équipements',
  )
  // The caps are amounts like the others: with their currency.
  await expect(page.getByText('Plafond des coûts indirects : 56\u202f000,00\u00a0€')).toBeVisible()
  await app.screenshot('issue21-voir-heading')

  // A band of the dues scale, its history line written as a reader writes a year.
  const journal = await openJournal(page)
  const band = journal.getByRole('row').filter({ hasText: 'Libellé : — → Grande ville' })
  await expect(band).toContainText(`Année : — → ${year}`)
  await expect(band).toContainText('Population à partir de : — → 100\u202f000')
  entries = await see(page, 'Libellé : — → Grande ville')
  await expect(page.getByRole('tab', { name: 'Barème', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  marked = await expectMarkedThenDropped(page, entries)
  await expect(marked.getByRole('textbox', { name: /Intitulé/ })).toHaveValue('Grande ville')

  // An account added to the chart: listed by its number among the defaults.
  entries = await see(page, '471900 — Compte d’attente des dons')
  marked = await expectMarkedThenDropped(page, entries)
  await expect(marked).toContainText('471900')
  await expect(marked).toContainText('Ajouté')

  // A member's contact, on the member's « Contacts ».
  entries = await see(page, 'Awa Traoré')
  marked = await expectMarkedThenDropped(page, entries)
  await expect(marked).toContainText('Trésorière')

  // A tab changed after it does not carry the mark on, and Back returns to the journal.
  await page.getByRole('tab', { name: 'Historique', exact: true }).click()
  expect(new URL(page.url()).searchParams.has('mark')).toBe(false)
})
