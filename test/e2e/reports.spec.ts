import type { Locator, Page } from '@playwright/test'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { readWorkbook, numberIn, pdfText, rowWith } from '../support/exports'
import { test, expect, E2E_YEAR } from './harness/fixtures'

async function chooseOption(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('textbox', { name: label, exact: true }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

/** The number a French amount shows (1 234,56 € → 1234.56). */
function amountOf(text: string | null): number {
  return Number((text ?? '').replace(/[^\d,-]/g, '').replace(',', '.'))
}

test('reports: a donor report previewed, exported to Excel and PDF, with the totals shown on screen', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000)
  await app.core.openDemo()
  await app.open()
  await page.getByRole('button', { name: 'Rapports' }).click()
  const form = page.getByRole('form', { name: 'Rapports' })
  await chooseOption(page, form, 'Rapport', 'Rapport financier au bailleur')
  await form.getByRole('textbox', { name: 'Convention', exact: true }).click()
  await page.getByRole('option', { name: /^UE-ANE-2010-CI-BF/ }).click()
  await form.getByRole('button', { name: 'Aperçu' }).click()

  const table = page.getByRole('table', { name: 'Rapport financier' })
  const totalRow = table.getByRole('row').filter({ hasText: /^\s*Total/ })
  await expect(totalRow).toBeVisible()
  // Columns: code, heading, budget, before, period, cumulative...
  const cumulativeOnScreen = amountOf(await totalRow.getByRole('cell').nth(5).textContent())
  const budgetOnScreen = amountOf(await totalRow.getByRole('cell').nth(2).textContent())
  expect(cumulativeOnScreen).toBeGreaterThan(0)
  await app.expectAccessible()
  await app.screenshot('13-rapport-bailleur')

  app.host.nextExportPath = join(app.folder, 'rapport-ue.xlsx')
  await page.getByText('Excel', { exact: true }).click()
  await page.getByRole('button', { name: 'Exporter', exact: true }).click()
  await expect(page.getByText(`Rapport enregistré : ${app.host.nextExportPath}`)).toBeVisible()
  const workbook = await readWorkbook(app.host.nextExportPath)
  const sheet = workbook.getWorksheet('Rapport financier')
  if (!sheet) throw new Error('no financial report sheet')
  expect(numberIn(rowWith(sheet, 'Total').getCell(6))).toBeCloseTo(cumulativeOnScreen, 2)
  expect(numberIn(rowWith(sheet, 'Total').getCell(3))).toBeCloseTo(budgetOnScreen, 2)

  app.host.nextExportPath = join(app.folder, 'rapport-ue.pdf')
  await page.getByText('PDF', { exact: true }).click()
  await page.getByRole('button', { name: 'Exporter', exact: true }).click()
  await expect(page.getByText(`Rapport enregistré : ${app.host.nextExportPath}`)).toBeVisible()
  const text = await pdfText(app.host.nextExportPath)
  const cumulativeText = (await totalRow.getByRole('cell').nth(5).textContent()) ?? ''
  expect(text.replace(/\s/g, ' ')).toContain(cumulativeText.replace(/\s/g, ' '))

  // The Cooperation Fund's projects as IATI activities, valid against the 2.03 schema.
  app.host.nextExportPath = join(app.folder, 'activites.xml')
  await page.getByRole('button', { name: 'Exporter les projets au format IATI (XML)' }).click()
  await expect(page.getByText(`Rapport enregistré : ${app.host.nextExportPath}`)).toBeVisible()
  const { stderr } = await promisify(execFile)('xmllint', [
    '--noout',
    '--schema',
    'resources/iati/iati-activities-schema.xsd',
    app.host.nextExportPath,
  ])
  expect(stderr).toContain('validates')

  // The same report in English.
  await form.getByText('English', { exact: true }).click()
  await form.getByRole('button', { name: 'Aperçu' }).click()
  await expect(page.getByRole('table', { name: 'Financial report' })).toBeVisible()
})

test('budget: a line, an expense paid by the untied fund, and budget vs actual moves by exactly that amount', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  await app.core.createFile(join(app.folder, 'budget.sqlite'))
  await app.open()
  await page.getByRole('button', { name: 'Budget' }).click()
  await expect(page.getByText('Aucun budget pour l’instant.')).toBeVisible()
  await page.getByRole('button', { name: 'Nouvel exercice' }).click()
  const year = page.getByRole('form', { name: 'Nouvel exercice budgétaire' })
  await year.getByRole('textbox', { name: 'Exercice' }).fill(String(E2E_YEAR))
  await year.getByRole('button', { name: 'Enregistrer' }).click()

  await page.getByRole('button', { name: 'Ajouter une ligne' }).click()
  const item = page.getByRole('form', { name: 'Poste du budget' })
  await item.getByRole('textbox', { name: 'Code', exact: true }).fill('1.1')
  await item.getByRole('textbox', { name: 'Libellé', exact: true }).fill('Loyer du siège')
  await item.getByRole('textbox', { name: 'Montant prévu (EUR)' }).fill('12 000')
  await item.getByRole('button', { name: 'Créer' }).click()
  const lines = page.getByRole('table', { name: 'Budget du Secrétariat' })
  await expect(lines).toContainText('Loyer du siège')
  await expect(lines).toContainText(/12\s000,00\s€/)

  // No money in the untied fund yet: the expense is refused with the figures, nothing written.
  await page.getByRole('tab', { name: 'Dépenses de l’exercice' }).click()
  await page.getByRole('button', { name: 'Saisir une dépense' }).click()
  const expense = page.getByRole('form', { name: 'Dépense' })
  await chooseOption(page, expense, 'Ligne du budget', '1.1 — Loyer du siège')
  await expense.getByRole('textbox', { name: 'Objet', exact: true }).fill('Loyer de janvier')
  await expense.getByRole('textbox', { name: 'Montant (EUR)' }).fill('1 000,50')
  await expense.getByRole('button', { name: 'Créer' }).click()
  await expect(expense.getByText(/Le fonds délié n’a plus que 0,00\s€ de libre/)).toBeVisible()
  await app.expectAccessible()

  // Untied income arrives; the same expense goes through.
  await app.core.requireSession().otherIncome.add(
    {
      receivedOn: `${E2E_YEAR}-01-02`,
      label: 'Don',
      currency: 'EUR',
      amount: '5000',
      note: null,
    },
    'Test',
  )
  await expense.getByRole('button', { name: 'Créer' }).click()
  await expect(page.getByRole('table', { name: 'Dépenses de l’exercice' })).toContainText(
    'Loyer de janvier',
  )
  // The year's expenses are searched as you type, accents and case aside.
  const search = page.getByRole('searchbox', { name: 'Rechercher' })
  await search.fill('LOYER janv')
  await expect(page.getByText('1 ligne(s)')).toBeVisible()
  await search.fill('électricité')
  await expect(page.getByText('0 ligne(s)')).toBeVisible()
  await search.fill('')
  await page.getByRole('tab', { name: 'Budget du Secrétariat' }).click()
  const row = lines.getByRole('row').filter({ hasText: 'Loyer du siège' })
  await expect(row).toContainText(/1\s000,50\s€/)
  await expect(row).toContainText(/10\s999,50\s€/)
  await expect(row).toContainText(/8,3\s%/)
  await app.screenshot('14-budget')
})
