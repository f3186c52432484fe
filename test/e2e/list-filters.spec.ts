import type { Locator, Page } from '@playwright/test'
import { test, expect } from './harness/fixtures'
import { chooseOption } from './harness/register-checks'

/**
 * At 1280×720 the Projets list answers at a glance: its filters took three lines and left about
 * four rows in view; the search and the two most used filters now share one line, the rest wait
 * behind « Filtres », which counts those set so a filtered list never looks unfiltered.
 */

/**
 * Measured on the demo file (its banner takes a row's height): 3 rows wholly in the window with
 * the filters on three lines and the buttons on a fourth, 8 with one line of filters.
 */
const ROWS_AT_A_GLANCE = 7

/** The rows of the table wholly in the window and in the table's own scrolling box. */
async function rowsInView(table: Locator): Promise<number> {
  return table.locator('tbody tr').evaluateAll((rows) => {
    const box = rows[0]?.closest('table')?.parentElement?.getBoundingClientRect()
    const bottom = Math.min(window.innerHeight, box?.bottom ?? window.innerHeight)
    return rows.filter((row) => {
      const rect = row.getBoundingClientRect()
      return rect.height > 0 && rect.top >= 0 && rect.bottom <= bottom + 0.5
    }).length
  })
}

async function openProjects(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Projets' }).click()
  const table = page.getByRole('table', { name: 'Projets' })
  await expect(table).toContainText('FC-2019-014')
  return table
}

test.use({ viewport: { width: 1280, height: 720 } })
test.describe.configure({ timeout: 180_000 })

test.beforeEach(async ({ app }) => {
  await app.core.openDemo()
})

test('at 1280×720 the Projets list shows many rows, its other filters behind « Filtres »', async ({
  app,
  page,
}) => {
  await app.open()
  const table = await openProjects(page)
  const main = page.locator('main')
  // The search and the two most used filters in view, on the list's one line.
  await expect(page.getByRole('searchbox', { name: 'Rechercher' })).toBeVisible()
  await expect(main.getByRole('textbox', { name: 'Statut', exact: true })).toBeVisible()
  await expect(main.getByRole('textbox', { name: 'Pays', exact: true })).toBeVisible()
  const inView = await rowsInView(table)
  console.log(`Projets rows in view at 1280×720: ${inView}`)
  expect(inView).toBeGreaterThanOrEqual(ROWS_AT_A_GLANCE)
  await app.screenshot('list-filters-projets-1280-fr')

  // A filter behind the button: reached by the keyboard, counted on the button, kept in the
  // address, and found again on coming back.
  const more = main.getByRole('button', { name: 'Filtres', exact: true })
  await expect(more).toHaveAttribute('aria-expanded', 'false')
  await expect(main.getByRole('textbox', { name: 'Programme', exact: true })).toBeHidden()
  await more.focus()
  await page.keyboard.press('Enter')
  await expect(more).toHaveAttribute('aria-expanded', 'true')
  await chooseOption(page, main, 'Région', 'Afrique centrale')
  await page.getByRole('switch', { name: 'Tranches en retard' }).check()
  const counted = main.getByRole('button', { name: 'Filtres (2)', exact: true })
  await expect(counted).toBeVisible()
  expect(new URL(page.url()).searchParams.get('projects.region')).toBe('central_africa')
  expect(new URL(page.url()).searchParams.get('projects.late')).toBe('1')
  await counted.click()
  await expect(counted).toHaveAttribute('aria-expanded', 'false')
  await expect(main.getByRole('textbox', { name: 'Région', exact: true })).toBeHidden()
  const filtered = await table.locator('tbody tr').count()

  // Another page and back: the filters as they were, still counted though folded away.
  await page.getByRole('button', { name: 'Membres' }).click()
  await expect(page.getByRole('table', { name: 'Membres' })).toBeVisible()
  await page.getByRole('button', { name: 'Projets' }).click()
  await expect(main.getByRole('button', { name: 'Filtres (2)', exact: true })).toBeVisible()
  await expect(table.locator('tbody tr')).toHaveCount(filtered)
  await main.getByRole('button', { name: 'Filtres (2)', exact: true }).click()
  await expect(main.getByRole('textbox', { name: 'Région', exact: true })).toHaveValue(
    'Afrique centrale',
  )
  await expect(page.getByRole('switch', { name: 'Tranches en retard' })).toBeChecked()
  await app.expectAccessible()
})

test('the Projets list in English at 1280×720', async ({ app, page }) => {
  await app.core.setLanguage('en')
  await app.open()
  await page.getByRole('button', { name: 'Projects' }).click()
  const table = page.getByRole('table', { name: 'Projects' })
  await expect(table).toContainText('FC-2019-014')
  expect(await rowsInView(table)).toBeGreaterThanOrEqual(ROWS_AT_A_GLANCE)
  await page.getByRole('button', { name: 'Filters', exact: true }).click()
  await expect(page.getByRole('textbox', { name: 'Programme', exact: true })).toBeVisible()
  await app.screenshot('list-filters-projets-1280-en')
})
