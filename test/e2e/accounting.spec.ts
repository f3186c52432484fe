import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
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
  const section = page.getByRole('region', { name: 'Comptabilité' })
  await expect(section.getByRole('tab', { name: 'Correspondances' })).toBeVisible()

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

  // An income dated in 2024 is refused on its date, and nothing is written.
  await page.getByRole('button', { name: 'Conventions' }).click()
  const income = page.getByRole('region', { name: 'Autres recettes déliées' })
  await income.getByLabel('Reçue le').fill('2024-11-30')
  await income.getByLabel('Libellé').fill('Remboursement oublié')
  await income.getByLabel('Montant').fill('90')
  await income.getByRole('button', { name: 'Enregistrer la recette' }).click()
  await expect(
    income.getByText(
      /La période est close jusqu’au 2024-12-31 : rien ne peut plus être daté du 2024-11-30/,
    ),
  ).toBeVisible()
  expect(await session.otherIncome.list()).toHaveLength(2)

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
  await app.expectAccessible()
})
