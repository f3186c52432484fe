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
  const { agreement } = await euPeaceAgreement(call, year)
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

test('on the demo file at 1280×720: a 450 000 € receipt is not reversed unasked, a 2031 dues payment of 5 M€ asks with its figures, a filled form is not lost to Escape', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000)
  await page.setViewportSize({ width: 1280, height: 720 })
  await app.core.openDemo()
  const session = app.core.requireSession()
  const agreement = (await session.agreements.list({})).find(
    (a) => a.reference === 'SUBV-MEAE-2026',
  )
  const member = (await session.members.list({})).find((m) => m.code === 'M-0009')
  if (!agreement || !member) throw new Error('the demo file has changed')
  const received = (await session.agreements.get(agreement.id)).figures.received
  const payments = (await session.dues.account(member.id)).payments.length
  await app.open()

  // « Annuler ce versement »: the record and the balances before and after, then a reason.
  await page.getByRole('button', { name: 'Conventions', exact: true }).click()
  await page.getByRole('button', { name: 'Ouvrir SUBV-MEAE-2026' }).click()
  await page.getByRole('tab', { name: 'Encaissements', exact: true }).click()
  await page.getByRole('button', { name: 'Annuler ce versement' }).first().click()
  const reversal = page.getByRole('dialog', { name: 'Annuler ce versement' })
  // A receipt in euros: its amount once, not followed by the same euros in brackets.
  await expect(reversal.getByText(/^Encaissement du /)).toHaveText(
    'Encaissement du 10/04/2026 : 450\u202f000,00\u00a0€',
  )
  await expect(
    reversal.getByRole('table', { name: 'Ce qui change' }).getByRole('row', { name: /^Reçu/ }),
  ).toContainText('-450\u202f000,00\u00a0€')
  await page.screenshot({ path: 'test-results/screens/issue21-demo-reversal.png' })
  await reversal.getByRole('button', { name: 'Annuler ce versement' }).click()
  await expect(reversal.getByLabel('Raison de l’annulation')).toHaveAttribute(
    'aria-invalid',
    'true',
  )
  await reversal.getByRole('button', { name: 'Ne pas annuler' }).click()
  await expect(reversal).toBeHidden()
  expect((await session.agreements.get(agreement.id)).figures.received).toBe(received)

  // Dues: 5 000 000 dated five years ahead asks, with the figures; declined, nothing is written.
  await page.getByRole('button', { name: 'Membres & cotisations' }).click()
  await page.getByRole('button', { name: `Ouvrir le membre ${member.name}` }).click()
  await page.getByRole('button', { name: 'Enregistrer un encaissement', exact: true }).click()
  const drawer = page.getByRole('dialog').filter({
    has: page.getByRole('form', { name: 'Enregistrer un encaissement' }),
  })
  const form = drawer.getByRole('form', { name: 'Enregistrer un encaissement' })
  await form.getByRole('textbox', { name: 'Reçu le', exact: true }).fill(`${year + 5}-03-15`)
  const amount = form.getByRole('textbox', { name: /^Montant/ }).first()
  await amount.fill('5 000 000')
  await form.getByRole('button', { name: 'Enregistrer l’encaissement' }).click()
  const question = page.getByRole('dialog', { name: 'Confirmer ces montants et ces dates ?' })
  await expect(question).toContainText(`La date du 15/03/${year + 5} est dans le futur.`)
  await expect(question).toContainText('dépasse les appels ouverts du membre')
  await expect(question.getByRole('button', { name: 'Confirmer' })).toBeInViewport()
  await page.screenshot({ path: 'test-results/screens/issue21-demo-plausibility.png' })
  await question.getByRole('button', { name: 'Annuler' }).click()
  await expect(form.getByRole('alert')).toHaveText('Rien n’a été enregistré.')
  await expect(form.getByRole('alert')).toBeInViewport()
  expect((await session.dues.account(member.id)).payments).toHaveLength(payments)

  // Escape on the filled form asks before anything typed is lost.
  await amount.press('Escape')
  const discard = page.getByRole('dialog', { name: 'Abandonner la saisie ?' })
  await expect(discard).toBeVisible()
  await discard.getByRole('button', { name: 'Continuer la saisie' }).click()
  await expect(amount).toHaveValue('5 000 000')
})

test('a new agreement sent empty says which fields are required, in French, each on its field', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await app.core.createFile(join(app.folder, 'obligatoire.sqlite'))
  await app.open()
  await page.getByRole('button', { name: 'Conventions', exact: true }).click()
  await page.getByRole('button', { name: 'Nouvelle convention' }).first().click()
  const form = page.getByRole('dialog', { name: 'Nouvelle convention' })
  await form.getByRole('button', { name: 'Créer' }).click()
  // An empty date is a missing date, not a badly written one; no browser bubble in English.
  for (const name of ['Référence', 'Début', 'Fin']) {
    const field = form.getByRole('textbox', { name, exact: true })
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(field).toHaveAccessibleDescription(
      `Renseignez « ${name} » : ce champ est obligatoire.`,
    )
    expect(await field.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe('')
  }
  await expect(form).not.toContainText('Date invalide')
  await expect(form).not.toContainText('Identifiant invalide')
  // A list left empty names itself too.
  await expect(form.getByText('Renseignez « Bailleur » : ce champ est obligatoire.')).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/issue21-required.png' })
})
