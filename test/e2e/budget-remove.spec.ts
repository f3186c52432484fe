import type { Page } from '@playwright/test'
import type { BudgetExpense, BudgetVersion, BudgetView } from '@shared/budget/schema'
import { test, expect } from './harness/fixtures'
import { core } from './harness/register-checks'

test.use({ viewport: { width: 1280, height: 720 } })

test.beforeEach(async ({ app }) => {
  await app.core.openDemo()
  await app.open()
})

/** The version the budget screen opens on (the year's reference), as the core holds it. */
async function shownVersion(page: Page): Promise<BudgetView> {
  const versions = await core<BudgetVersion[]>(page, 'budget.versions', {})
  const current = versions.filter((v) => v.isCurrent).sort((a, b) => b.year - a.year)[0]
  if (!current) throw new Error('The demo has no budget of reference')
  return core<BudgetView>(page, 'budget.view', { versionId: current.id, asOf: null })
}

test('a budget line is removed only once confirmed, the dialog naming it, its amount and the adoption', async ({
  page,
}) => {
  await page.getByRole('navigation').getByRole('button', { name: 'Budget', exact: true }).click()
  const table = page.getByRole('table', { name: 'Budget du Secrétariat' })
  await expect(table).toBeVisible()
  const view = await shownVersion(page)
  const expenses = await core<BudgetExpense[]>(page, 'budget.expenses', { year: view.version.year })
  const charged = new Set(expenses.map((expense) => expense.lineKey))
  // A line the core would let go: no expense charged to it, with an amount planned.
  const line = view.items.find(
    (item) => item.kind === 'line' && !charged.has(item.lineKey) && item.figures.planned > 0,
  )
  if (!line) throw new Error('The demo’s budget has no line without expenses')
  expect(view.version.adoptedOn, 'the demo’s reference budget is adopted').not.toBeNull()

  const remove = table.getByRole('button', { name: `Retirer ${line.code}`, exact: true })
  await remove.click()
  const dialog = page.getByRole('dialog', { name: `Retirer ${line.code} — ${line.label} ?` })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText(`« ${line.label} »`)
  await expect(dialog).toContainText(/prévue à [\d\s]+,\d\d\s€/)
  await expect(dialog).toContainText('Cette version a été adoptée le')
  // Cancelled: nothing removed.
  await dialog.getByRole('button', { name: 'Annuler' }).click()
  await expect(dialog).toHaveCount(0)
  expect((await shownVersion(page)).items.map((item) => item.id)).toContain(line.id)
  // Escape: nothing removed either.
  await remove.click()
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  expect((await shownVersion(page)).items.map((item) => item.id)).toContain(line.id)
  // Confirmed: removed, from the screen and from the file.
  await remove.click()
  await dialog.getByRole('button', { name: `Retirer ${line.code}`, exact: true }).click()
  await expect(remove).toHaveCount(0)
  expect((await shownVersion(page)).items.map((item) => item.id)).not.toContain(line.id)
})

test('a line with expenses is refused once confirmed, the refusal naming the line', async ({
  page,
}) => {
  await page.getByRole('navigation').getByRole('button', { name: 'Budget', exact: true }).click()
  const table = page.getByRole('table', { name: 'Budget du Secrétariat' })
  await expect(table).toBeVisible()
  const view = await shownVersion(page)
  const expenses = await core<BudgetExpense[]>(page, 'budget.expenses', { year: view.version.year })
  const charged = new Set(
    expenses.filter((expense) => !expense.cancelReason).map((expense) => expense.lineKey),
  )
  const line = view.items.find((item) => item.kind === 'line' && charged.has(item.lineKey))
  if (!line) throw new Error('The demo’s budget has no line with expenses')
  await table.getByRole('button', { name: `Retirer ${line.code}`, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: `Retirer ${line.code} — ${line.label} ?` })
  await dialog.getByRole('button', { name: `Retirer ${line.code}`, exact: true }).click()
  await expect(
    page.getByText(`Des dépenses sont imputées sur la ligne ${line.code} « ${line.label} »`),
  ).toBeVisible()
  expect((await shownVersion(page)).items.map((item) => item.id)).toContain(line.id)
})
