import type { Locator, Page } from '@playwright/test'
import type { Agreement } from '@shared/funds/schema'
import type { ProjectDetail, ProjectSummary } from '@shared/projects/schema'
import { test, expect } from './harness/fixtures'
import { core } from './harness/register-checks'

/**
 * What a user walking the screens at 1280×720 found cut: buttons whose words were clipped to a
 * few letters (« Prévoir u », « Ann », « Débloq », « Vers »). Each button under `scope` shows
 * its whole label.
 */
async function expectButtonsWhole(scope: Locator) {
  const clipped = await scope.getByRole('button').evaluateAll((buttons) =>
    buttons.flatMap((button) => {
      const label = button.querySelector<HTMLElement>('.mantine-Button-label') ?? button
      return label.scrollWidth > label.clientWidth + 1
        ? [`${button.textContent ?? ''} (${label.scrollWidth} > ${label.clientWidth})`]
        : []
    }),
  )
  expect(clipped, 'buttons clipped').toEqual([])
}

/** Opens a record by the palette: Ctrl+K, its code, Enter. */
async function openByPalette(page: Page, code: string) {
  await page.keyboard.press('Control+k')
  const search = page.getByRole('combobox', { name: 'Rechercher ou lancer une commande' })
  await search.fill(code)
  await expect(page.getByRole('option').filter({ hasText: code }).first()).toBeVisible()
  await search.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toContainText(code)
}

test.use({ viewport: { width: 1280, height: 720 } })
test.describe.configure({ timeout: 180_000 })

test.beforeEach(async ({ app }) => {
  await app.core.openDemo()
  await app.open()
})

test('an agreement’s schedule and report entry lines show their buttons whole at 1280 px', async ({
  page,
}) => {
  const [agreement] = await core<Agreement[]>(page, 'agreements.list', {})
  if (!agreement) throw new Error('no agreement')
  await openByPalette(page, agreement.reference)
  await page.getByRole('tab', { name: 'Échéancier et rapports', exact: true }).click()
  for (const name of ['Prévoir un rapport', 'Ajouter une échéance']) {
    const form = page.getByRole('form', { name })
    await expect(form).toHaveCount(0)
    await page.getByRole('button', { name, exact: true }).click()
    await expect(form.getByRole('button', { name: 'Annuler', exact: true })).toBeVisible()
    await expectButtonsWhole(form)
  }
})

test('a pending tranche’s four buttons are whole at 1280 px', async ({ page }) => {
  const summaries = await core<ProjectSummary[]>(page, 'projects.list', {})
  const details = await Promise.all(
    summaries.map((p) => core<ProjectDetail>(page, 'projects.get', { id: p.id })),
  )
  const project = details.find((p) =>
    p.tranches.some((t) => t.status === 'planned' && t.condition && !t.conditionMetOn),
  )
  if (!project) throw new Error('no project with a planned tranche under a condition')
  const tranche = project.tranches.find(
    (t) => t.status === 'planned' && t.condition && !t.conditionMetOn,
  )
  await openByPalette(page, project.code)
  await page.getByRole('tab', { name: 'Tranches', exact: true }).click()
  const row = page
    .getByRole('table', { name: 'Tranches versées à la ville' })
    .locator(`tr[data-record-id="${tranche?.id}"]`)
  await expect(row.getByRole('button', { name: 'Condition remplie' })).toBeVisible()
  await expect(row.getByRole('button', { name: 'Débloquer' })).toBeVisible()
  await expectButtonsWhole(row)
  // A late tranche says so in full beside its date, not « 30/09/2026 … ».
  const late = project.tranches.find((t) => t.late)
  if (!late) throw new Error(`no late tranche in ${project.code}`)
  const cell = page
    .getByRole('table', { name: 'Tranches versées à la ville' })
    .locator(`tr[data-record-id="${late.id}"] td`)
    .filter({ hasText: 'En retard' })
  await expect(cell).toHaveCount(1)
  const [scroll, client] = await cell.evaluate((td) => [td.scrollWidth, td.clientWidth])
  expect(scroll, 'the late tranche’s date and badge within their cell').toBeLessThanOrEqual(client)
})

test('the budget’s table fits its box at 1280 px: every line’s buttons in view', async ({
  page,
}) => {
  await page.getByRole('navigation').getByRole('button', { name: 'Budget', exact: true }).click()
  const table = page.getByRole('table', { name: 'Budget du Secrétariat' })
  await expect(table.getByRole('button', { name: 'Modifier R1', exact: true })).toBeVisible()
  const [tableWidth, boxWidth] = await table.evaluate((element) => [
    element.scrollWidth,
    element.parentElement?.clientWidth ?? 0,
  ])
  expect(tableWidth, 'the table’s width within its box').toBeLessThanOrEqual(boxWidth)
  const right = await table
    .getByRole('button', { name: /^Retirer / })
    .evaluateAll((buttons) => Math.max(...buttons.map((b) => b.getBoundingClientRect().right)))
  expect(right, 'the last button’s right edge in the window').toBeLessThanOrEqual(1280)
  await expectButtonsWhole(table)
  // The totals take no action: no empty « Actions » column beside them.
  const totals = page.getByRole('table', { name: 'Totaux' })
  await expect(totals.getByRole('columnheader')).toHaveCount(8)
  await expect(totals.getByRole('columnheader', { name: 'Actions' })).toHaveCount(0)
})
