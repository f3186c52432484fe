import type { Locator, Page } from '@playwright/test'
import { join } from 'node:path'
import { test, expect } from './harness/fixtures'

async function chooseOption(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('textbox', { name: label, exact: true }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

/**
 * Records the receipt form. This story's dates are fixed (February and June 2026): the harness
 * fixes « today » so that they never become « more than a year back ».
 */
async function recordReceipt(receipt: Locator) {
  await receipt.getByRole('button', { name: 'Enregistrer un versement' }).click()
}

/** The agreement's receipt form, opened in its dialog from the « Encaissements » tab. */
async function openReceipt(page: Page) {
  await page.getByRole('tab', { name: 'Encaissements', exact: true }).click()
  await page.getByRole('button', { name: 'Enregistrer un versement', exact: true }).click()
  const receipt = page.getByRole('dialog').getByRole('form', { name: 'Enregistrer un versement' })
  await expect(receipt).toBeVisible()
  return receipt
}

/** The text of a figure's cell in a figures table: row by figure, column by class. */
function figure(table: Locator, key: string, column: string) {
  return table.locator(`tr[data-figure="${key}"] td[data-class="${column}"]`)
}

test('an agreement, two receipts in different months, and the dashboard moves by exactly those amounts', async ({
  app,
  page,
}) => {
  // A long story (forms, dialogs, an accessibility scan, screenshots): 1.1–1.3 min on a loaded
  // machine, past the default minute.
  test.setTimeout(120_000)
  await app.core.createFile(join(app.folder, 'fonds.sqlite'))
  const session = app.core.requireSession()
  await session.funders.create(
    {
      name: 'Union européenne',
      acronym: 'UE',
      kind: 'multilateral',
      country: 'BE',
      defaultCurrency: 'EUR',
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      notes: null,
    },
    'Agent de test',
  )
  await app.open()

  await page.getByRole('button', { name: 'Tableau de bord' }).click()
  const funds = page.getByRole('table', { name: 'Fonds liés et déliés' })
  await expect(figure(funds, 'received', 'tied')).toHaveText('0,00\u00a0€')

  await page.getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: 'Nouvelle convention' }).click()
  const form = page.getByRole('form', { name: 'Nouvelle convention' })
  await chooseOption(page, form, 'Bailleur', 'Union européenne')
  await form.getByLabel('Référence').fill('UE-2026-PAIX')
  await form.getByLabel('Intitulé').fill('Consolidation de la paix par les autorités locales')
  await form.getByRole('textbox', { name: 'Début', exact: true }).fill('2026-01-01')
  await form.getByRole('textbox', { name: 'Fin', exact: true }).fill('2028-12-31')
  await form.getByLabel('Montant engagé (EUR)').fill('830 000')
  await chooseOption(page, form, 'Affectation des fonds', 'Fléché (projets nommés)')
  await chooseOption(page, form, 'Nature', 'Fonctionnement')
  await form.getByLabel('Coûts indirects admis (% max.)').fill('7')
  // An EU grant: its payment cycle's 70 % rule and the +25 % heading rule apply.
  await form.getByRole('checkbox', { name: 'Règles UE / PRAG' }).check()
  await app.expectAccessible()
  await app.screenshot('06-convention-formulaire')
  await form.getByRole('button', { name: 'Créer' }).click()

  await expect(page.getByRole('heading', { name: 'UE-2026-PAIX', level: 1 })).toBeVisible()
  const position = page.getByRole('table', { name: 'Situation' })
  await expect(position.locator('tr[data-figure="committed"] td').last()).toHaveText(
    '830\u202f000,00\u00a0€',
  )

  // The EU's own budget headings, with the 7 % cap on indirect costs checked on its line.
  await page.getByRole('tab', { name: 'Budget par rubrique', exact: true }).click()
  await page.getByRole('button', { name: 'Structure UE « Budget de l’action »' }).click()
  const headings = page.getByRole('table', { name: 'Budget du bailleur (rubriques)' })
  await expect(headings.getByRole('row')).toHaveCount(9)
  await headings.getByLabel('Montant (EUR) 1', { exact: true }).fill('500 000')
  await headings.getByLabel('Montant (EUR) 2', { exact: true }).fill('100 000')
  await headings.getByLabel('Montant (EUR) 3', { exact: true }).fill('150 000')
  await headings.getByLabel('Montant (EUR) 8', { exact: true }).fill('60 000')
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
  await expect(
    headings.getByText(
      'Les coûts indirects dépassent le plafond de 7 % des coûts directs (52 500,00 €).',
    ),
  ).toBeVisible()
  await headings.getByLabel('Montant (EUR) 8', { exact: true }).fill('52 500')
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
  await expect(page.getByText('Rubriques enregistrées.')).toBeVisible()
  await expect(page.getByRole('table', { name: 'Total' })).toContainText('802 500,00 €')

  let receipt = await openReceipt(page)
  await receipt.getByRole('textbox', { name: 'Reçu le', exact: true }).fill('2026-02-16')
  await receipt.getByLabel('Montant (EUR)').fill('332 000')
  await receipt.getByLabel('Référence bancaire').fill('VIR-UE-01')
  await recordReceipt(receipt)
  await expect(page.getByText('Versement enregistré.')).toBeVisible()
  await expect(receipt).toBeHidden()
  receipt = await openReceipt(page)
  await receipt.getByRole('textbox', { name: 'Reçu le', exact: true }).fill('2026-06-15')
  await receipt.getByLabel('Montant (EUR)').fill('249000,50')
  await recordReceipt(receipt)
  // A further EU pre-financing with nothing spent yet: the 70 % rule asks, with its figures.
  const question = page.getByRole('dialog', { name: 'Confirmer ces montants et ces dates ?' })
  await expect(question).toContainText(
    'Préfinancement suivant reçu avant la règle des 70 % : 0,00\u00a0€ dépensés pour un seuil de 232\u202f400,00\u00a0€',
  )
  await question.getByRole('button', { name: 'Confirmer' }).click()
  await expect(receipt).toBeHidden()
  await page.getByRole('tab', { name: 'Résumé', exact: true }).click()
  await expect(position.locator('tr[data-figure="received"] td').last()).toHaveText(
    '581\u202f000,50\u00a0€',
  )
  await expect(position.locator('tr[data-figure="expected"] td').last()).toHaveText(
    '248\u202f999,50\u00a0€',
  )
  await app.expectAccessible()
  await app.screenshot('07-convention')

  // Too much: the form asks before recording, and says by how much.
  receipt = await openReceipt(page)
  await receipt.getByRole('textbox', { name: 'Reçu le', exact: true }).fill('2026-06-16')
  await receipt.getByLabel('Montant (EUR)').fill('300 000')
  await receipt.getByRole('button', { name: 'Enregistrer un versement' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'dépasse' })).toContainText(
    'dépasse le reste dû (248\u202f999,50\u00a0€) de 51\u202f000,50\u00a0€',
  )
  await page.getByRole('button', { name: 'Annuler', exact: true }).click()
  // Nothing recorded: the changed form is given up.
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Abandonner les modifications' }).click()
  await expect(receipt).toBeHidden()

  // The dashboard reads the same ledger: the same figures.
  await page.getByRole('button', { name: 'Tableau de bord' }).click()
  await expect(figure(funds, 'committed', 'tied')).toHaveText('830\u202f000,00\u00a0€')
  await expect(figure(funds, 'received', 'tied')).toHaveText('581\u202f000,50\u00a0€')
  await expect(figure(funds, 'available', 'tied')).toHaveText('581\u202f000,50\u00a0€')
  await expect(figure(funds, 'received', 'untied')).toHaveText('0,00\u00a0€')
  const summary = await session.file.db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.sum<number>('eur_minor').as('eur'))
    .where('kind', '=', 'receipt')
    .executeTakeFirstOrThrow()
  expect(Number(summary.eur)).toBe(58_100_050)
})

test('the demo dashboard shows tied and untied money and the untied share by year', async ({
  app,
  page,
}) => {
  await app.core.openDemo()
  await app.open()
  await page.getByRole('button', { name: 'Tableau de bord' }).click()
  await expect(
    page.getByRole('heading', { name: 'Part des fonds déliés dans les recettes' }),
  ).toBeVisible()
  const shares = page.getByRole('table', { name: 'Part des fonds déliés dans les recettes' })
  await expect(shares.getByRole('row')).toHaveCount(11)
  await app.expectAccessible()
  await app.screenshot('04-tableau-de-bord')

  // A report due is flagged, and leads to its agreement's page.
  const due = page.getByRole('table', { name: 'Rapports à remettre (en retard ou sous 30 jours)' })
  await expect(due).toContainText('AFD-CLIMAT-2023')
  await expect(due).toContainText('En retard')
  await due.getByRole('button', { name: 'Ouvrir AFD-CLIMAT-2023' }).click()
  await expect(page.getByRole('heading', { name: 'AFD-CLIMAT-2023', level: 1 })).toBeVisible()
  await page.getByRole('tab', { name: 'Échéancier et rapports', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Échéancier du bailleur' })).toBeVisible()
  await page.getByRole('button', { name: '← Retour aux conventions' }).click()
  // A class of funds leads to its agreements.
  await page.getByRole('button', { name: 'Tableau de bord' }).click()
  await page.getByRole('button', { name: 'Fonds déliés', exact: true }).click()
  const table = page.getByRole('table', { name: 'Conventions' })
  await expect(table).toContainText('SUBV-MEAE-2024')
  await expect(table).not.toContainText('BMGF-SUCSS-2017')
  await page.getByRole('button', { name: 'Conventions' }).click()
  await expect(table).toContainText('BMGF-SUCSS-2017')
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('gates')
  await expect(table.locator('tbody').getByRole('row')).toHaveCount(1)
})
