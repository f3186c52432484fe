import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { bankAccountInput } from '@shared/accounting/schema'
import { agreementInput, receiptInput } from '@shared/funds/schema'
import { numberIn, readWorkbook, rowWith } from '../support/exports'
import { fecProblems, latin9 } from '../support/fec-reader'
import { test, expect } from './harness/fixtures'

async function choose(page: Page, scope: Locator, label: string, option: string | RegExp) {
  await scope.getByRole('textbox', { name: label, exact: true }).click()
  await page.getByRole('option', { name: option }).first().click()
}

test('Paramètres → Comptabilité: a mapping edited, a year closed, an entry dated in it refused, the FEC exported', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  await app.core.createFile(join(app.folder, 'comptes.sqlite'))
  const session = app.core.requireSession()
  for (const [receivedOn, label] of [
    ['2024-05-02', 'Intérêts 2024'],
    ['2025-05-02', 'Intérêts 2025'],
  ] as const) {
    await session.otherIncome.add(
      { receivedOn, label, currency: 'EUR', amount: '150', note: null },
      'Agent de test',
    )
  }
  await app.open()
  await page.getByRole('button', { name: 'Paramètres' }).click()
  await page
    .getByRole('navigation', { name: 'Sections des paramètres' })
    .getByRole('button', { name: 'Comptabilité' })
    .click()
  const section = page.getByRole('region', { name: 'Comptabilité' })
  // Paramètres reads every section's settings first: on a loaded machine that takes a while.
  await expect(section.getByRole('tab', { name: 'Correspondances' })).toBeVisible({
    timeout: 30_000,
  })

  // The mapping: other income goes to 768 from now on.
  await section.getByRole('button', { name: 'Nouvelle correspondance' }).click()
  const ruleForm = section.getByRole('form', { name: 'Nouvelle correspondance' })
  await choose(page, ruleForm, 'Rôle', 'Autres produits')
  await choose(page, ruleForm, 'Compte', /^768 – /)
  await ruleForm.getByRole('button', { name: 'Enregistrer' }).click()
  const rules = section.getByRole('table', { name: 'Correspondances' })
  const row = rules.getByRole('row').filter({ hasText: 'Autres produits' })
  await expect(row).toContainText('768 – Autres produits financiers')
  await expect(row).toContainText('Modifié')
  const plan = await session.accountingPlan.view()
  expect(plan.rules.filter((r) => !r.isDefault)).toMatchObject([
    { role: 'other.income', account: '768' },
  ])
  await app.expectAccessible()
  await app.screenshot('20-comptabilite-correspondances')

  // The year 2024 closed.
  await section.getByRole('tab', { name: 'Périodes closes' }).click()
  await choose(page, section, 'Exercice', '2024')
  await section.getByRole('button', { name: 'Clôturer l’exercice' }).click()
  await expect(page.getByText('Période close jusqu’au 31/12/2024 : 1 écriture(s).')).toBeVisible()
  await expect(section.getByText('Livres clos jusqu’au 31/12/2024.')).toBeVisible()
  expect((await session.periods.view()).closedThrough).toBe('2024-12-31')
  await app.screenshot('21-comptabilite-cloture')

  // A second euro account, at the postal bank, with its own journal.
  await session.accountingPlan.saveBank(
    bankAccountInput.parse({
      label: 'Banque postale',
      currency: 'EUR',
      account: '51211',
      journalCode: 'BQP',
      journalLabel: 'Banque postale',
      isDefault: false,
    }),
    'Agent de test',
  )

  // An income dated in 2024 is refused on its date, and nothing is written.
  await page.getByRole('button', { name: 'Conventions' }).click()
  const income = page.getByRole('region', { name: 'Autres recettes déliées' })
  await income.getByRole('textbox', { name: 'Reçue le', exact: true }).fill('2024-11-30')
  await income.getByLabel('Libellé').fill('Remboursement oublié')
  await income.getByLabel('Montant').fill('90')
  await income.getByRole('button', { name: 'Enregistrer la recette' }).click()
  await expect(
    income.getByText(
      /La période est close jusqu’au 31\/12\/2024 : rien ne peut plus être daté du 30\/11\/2024/,
    ),
  ).toBeVisible()
  expect(await session.otherIncome.list()).toHaveLength(2)
  // Dated in 2025 and received at the postal bank: taken, on that bank's journal.
  await income.getByRole('textbox', { name: 'Reçue le', exact: true }).fill('2025-06-10')
  await income.getByLabel('Libellé').fill('Don de la ville')
  await choose(page, income, 'Comptes bancaires', /^Banque postale/)
  await income.getByRole('button', { name: 'Enregistrer la recette' }).click()
  // Over a year back: taken once confirmed, the date shown in the question.
  const question = page.getByRole('dialog', { name: 'Confirmer ces montants et ces dates ?' })
  await expect(question).toContainText('La date du 10/06/2025 remonte à plus d’un an.')
  await question.getByRole('button', { name: 'Confirmer' }).click()
  await expect(income.getByRole('row').filter({ hasText: 'Don de la ville' })).toBeVisible()

  // The FEC of 2025 from Rapports: the 2025 income on 768, read as the standard says.
  await page.getByRole('button', { name: 'Rapports' }).click()
  const entries = page.getByRole('region', { name: 'Écritures comptables' })
  await choose(page, entries, 'Exercice', '2025')
  app.host.nextExportPath = join(app.folder, 'FEC2025.txt')
  await entries.getByRole('button', { name: 'Exporter les écritures' }).click()
  await expect(page.getByText(/Écritures enregistrées : .*FEC2025\.txt/)).toBeVisible()
  const bytes = await readFile(app.host.nextExportPath)
  expect(fecProblems(bytes, 2025)).toEqual([])
  const text = latin9(bytes)
  expect(text).toMatch(/\t768\tAutres produits financiers\t/)
  expect(text).toMatch(/^AN\tÀ-nouveaux\t1\t20250101\t5121\t/m)
  expect(text).toMatch(
    /^BQP\tBanque postale\t1\t20250610\t51211\t.*\tDon de la ville\t90,00\t0,00\t/m,
  )
  await app.expectAccessible()
})

test('Rapports: the dedicated funds, the trial balance and the general ledger of a year, a report marked sent and the agreement page warned when its figures change', async ({
  app,
  page,
}) => {
  test.setTimeout(150_000)
  await app.core.createFile(join(app.folder, 'fonds-dedies.sqlite'))
  const session = app.core.requireSession()
  const author = 'Agent de test'
  const funder = await session.funders.create(
    {
      name: 'Union européenne',
      acronym: 'UE',
      kind: 'multilateral',
      country: null,
      defaultCurrency: 'EUR',
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      notes: null,
    },
    author,
  )
  const agreement = await session.agreements.create(
    agreementInput.parse({
      funderId: funder.id,
      reference: 'UE-GOUV-2025',
      title: 'Gouvernance locale',
      signedOn: '2025-02-01',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      currency: 'EUR',
      amount: '100000',
      earmarking: 'programme',
      programmeCode: 'local_governance',
      nature: 'operating',
    }),
    author,
  )
  const receive = (receivedOn: string, amount: string) =>
    session.receipts.add(
      receiptInput.parse({ agreementId: agreement.id, receivedOn, amount }),
      author,
    )
  await receive('2025-03-01', '40000')
  await app.open()
  await page.getByRole('button', { name: 'Rapports' }).click()
  const form = page.getByRole('form', { name: 'Rapports' })

  // The dedicated funds of 2025: nothing used, the 100,000 € notified carried at year end.
  await choose(page, form, 'Rapport', 'Fonds dédiés (annexe des comptes)')
  await choose(page, form, 'Exercice', '2025')
  await form.getByRole('button', { name: 'Aperçu' }).click()
  const annex = page.getByRole('table', { name: 'Tableau des fonds dédiés (annexe)' })
  const row = annex.getByRole('row').filter({ hasText: 'UE-GOUV-2025' })
  await expect(row).toContainText('100\u202f000,00\u00a0€')
  await app.expectAccessible()
  await app.screenshot('22-rapport-fonds-dedies')
  app.host.nextExportPath = join(app.folder, 'fonds-dedies-2025.xlsx')
  await page.getByText('Excel', { exact: true }).click()
  await page.getByRole('button', { name: 'Exporter', exact: true }).click()
  await expect(page.getByText(`Rapport enregistré : ${app.host.nextExportPath}`)).toBeVisible()
  const sheet = (await readWorkbook(app.host.nextExportPath)).worksheets[0]
  if (!sheet) throw new Error('no sheet in the dedicated funds workbook')
  expect(numberIn(rowWith(sheet, 'UE-GOUV-2025').getCell(6))).toBeCloseTo(100_000, 2)

  // Marked « envoyé »: archived, its figures unchanged.
  await page.getByRole('button', { name: 'Marquer comme envoyé…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rapport envoyé au bailleur' })
  await dialog.getByRole('textbox', { name: 'Envoyé le', exact: true }).fill('2026-03-01')
  await dialog.getByLabel('Destinataire').fill('Commissaire aux comptes')
  await dialog.getByRole('button', { name: 'Archiver comme envoyé' }).click()
  await expect(page.getByText(/Rapport archivé comme envoyé le 01\/03\/2026/)).toBeVisible()
  const sent = page.getByRole('region', { name: 'Rapports envoyés' })
  await expect(sent.getByRole('row').filter({ hasText: 'Fonds dédiés 2025' })).toContainText(
    'Chiffres inchangés',
  )

  // The trial balance's movements, by hand: 100,000 € notified (4411/74x), 40,000 € received
  // (512/4411), 100,000 € carried at year end (6894/194) — 240,000 € on each side.
  await choose(page, form, 'Rapport', 'Balance générale')
  await form.getByRole('button', { name: 'Aperçu' }).click()
  const trial = page.getByRole('table', { name: /Balance générale 2025/ })
  const total = trial.getByRole('row').filter({ hasText: /^\s*Total/ })
  const cells = total.getByRole('cell')
  await expect(cells.nth(4)).toHaveText('240\u202f000,00\u00a0€')
  await expect(cells.nth(5)).toHaveText('240\u202f000,00\u00a0€')
  await app.expectAccessible()

  // The general ledger of the bank account: the receipt, dated and numbered.
  await choose(page, form, 'Rapport', 'Grand livre')
  await form.getByRole('button', { name: 'Aperçu' }).click()
  await expect(
    page
      .getByRole('table', { name: /Grand livre 2025/ })
      .getByRole('row')
      .filter({ hasText: '5121' })
      .first(),
  ).toBeVisible()

  // A correction lowers the amount notified: the agreement page says the report sent changed.
  await session.agreements.update(
    agreement.id,
    agreementInput.parse({
      funderId: funder.id,
      reference: 'UE-GOUV-2025',
      title: 'Gouvernance locale',
      signedOn: '2025-02-01',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      currency: 'EUR',
      amount: '90000',
      earmarking: 'programme',
      programmeCode: 'local_governance',
      nature: 'operating',
    }),
    author,
  )
  await page.getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: 'Ouvrir UE-GOUV-2025' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Fonds dédiés 2025' })).toContainText(
    'ont changé depuis leur envoi',
  )
})
