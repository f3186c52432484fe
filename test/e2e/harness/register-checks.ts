import { expect, type Locator, type Page } from '@playwright/test'
import { isCurrencyCode } from '@shared/money/currencies'
import { parseAmount } from '@shared/money/parse'
import { test } from './fixtures'

/**
 * What the stories check on a register list (the one list component of every area): amounts
 * in view, totals read from the footer, cells read by header — the page as a user reads it.
 */

/** The cents a French or English amount shows (1 234,56 € → 123456), or null for an empty cell. */
export function cents(text: string | null): number | null {
  const raw = (text ?? '').replace(/[\s\u00a0\u202f]/g, '')
  const digits = raw.replace(/[^\d,.-]/g, '')
  if (digits === '') return null
  // Two decimals in either language: the last separator is the decimal one.
  const normalised = digits.replace(/[.,](?=\d{3}(\D|$))/g, '').replace(',', '.')
  return Math.round(Number(normalised) * 100)
}

/** A channel of the real core, as the page calls it (window.api, over the harness's bridge). */
export async function core<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    ([c, i]) =>
      (window as unknown as { api: Record<string, (i: unknown) => Promise<unknown>> }).api[c]?.(i),
    [channel, input] as const,
  )
  const answer = result as { ok: boolean; value: T; error?: { message: string } }
  if (!answer.ok) throw new Error(answer.error?.message)
  return answer.value
}

/** Every amount header of a list lies inside the window and inside the list's own box. */
export async function expectMoneyInView(page: Page, table: Locator) {
  const width = page.viewportSize()?.width ?? 0
  const box = await table.locator('xpath=..').boundingBox()
  const headers = table.locator('thead th[data-kind="money"]')
  expect(await headers.count()).toBeGreaterThan(0)
  for (const header of await headers.all()) {
    const place = await header.boundingBox()
    if (!place || !box) throw new Error('no box')
    expect(place.x + place.width, await header.innerText()).toBeLessThanOrEqual(
      Math.min(width, box.x + box.width) + 1,
    )
  }
}

/** The headers of a list as shown (without the sort arrows). */
export async function headersOf(table: Locator): Promise<string[]> {
  // The sorted column's words for screen readers (« tri croissant ») are not its header.
  const texts = await table.locator('thead th').evaluateAll((ths) =>
    ths.map((th) => {
      const copy = th.cloneNode(true) as HTMLElement
      copy.querySelectorAll('.skip-link').forEach((hidden) => hidden.remove())
      return copy.textContent ?? ''
    }),
  )
  return texts.map((h) => h.replace(/[▲▼]/g, '').trim())
}

async function indexOf(table: Locator, column: string): Promise<number> {
  const headers = await headersOf(table)
  const index = headers.indexOf(column)
  expect(index, `column ${column} in ${headers.join(' | ')}`).toBeGreaterThan(0)
  return index
}

/** The first totals row's cell under the header `column` (one currency). */
export async function totalUnder(table: Locator, column: string): Promise<number | null> {
  const index = await indexOf(table, column)
  return cents(await table.locator('tfoot tr').first().locator('td, th').nth(index).innerText())
}

/**
 * The totals under `column`, currency by currency, in minor units read back as the app reads
 * an amount (francs CFA have no cents): one row per currency, named « Total — XOF » when several.
 */
export async function totalsByCurrency(
  table: Locator,
  column: string,
): Promise<Record<string, number>> {
  const index = await indexOf(table, column)
  const totals: Record<string, number> = {}
  for (const row of await table.locator('tfoot tr').all()) {
    const label = await row.locator('th').innerText()
    const text = await row.locator('td, th').nth(index).innerText()
    const named = /—\s*([A-Z]{3})\s*$/.exec(label)?.[1] ?? 'EUR'
    if (!isCurrencyCode(named) || text.trim() === '') continue
    const read = parseAmount(text, named, 'fr')
    if (!read.ok) throw new Error(`${text} is no amount in ${named}`)
    totals[named] = read.value.minor
  }
  return totals
}

/** The cells of the rows (no group heading or subtotal) under the header `column`. */
export async function cellsUnder(table: Locator, column: string): Promise<(number | null)[]> {
  const index = await indexOf(table, column)
  const rows = table.locator('tbody tr[data-index]:not(.register-group):not(.register-subtotal)')
  return (
    await rows.evaluateAll((trs, i) => trs.map((tr) => tr.children[i]?.textContent ?? ''), index)
  ).map(cents)
}

/** The register list (toolbar, count, table) a table belongs to. */
export const listOf = (table: Locator) =>
  table.locator('xpath=ancestor::div[contains(@class,"register-list")]')

export const sum = (values: readonly (number | null)[]) =>
  values.reduce<number>((a, b) => a + (b ?? 0), 0)

/** Sums amounts by their currency. */
export function byCurrency(items: { amount: number | null; currency: string | null }[]) {
  const totals: Record<string, number> = {}
  for (const { amount, currency } of items)
    if (amount !== null && currency !== null) totals[currency] = (totals[currency] ?? 0) + amount
  return totals
}

/** Chooses `option` in the list labelled `label` within `scope`. */
export async function chooseOption(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('textbox', { name: label, exact: true }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

/** The window sizes every list is read at: a laptop's (1280×720) and a desktop screen's. */
export const LIST_SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const

/**
 * Stories told once at each list size (« at 1280×720 › … »), each given `timeout`, on the demo
 * file when `demo`; `stories` is given the window's width, for the screenshots' names.
 */
export function atListSizes(
  { timeout, demo = false }: { timeout: number; demo?: boolean },
  stories: (width: number) => void,
) {
  for (const viewport of LIST_SIZES)
    test.describe(`at ${viewport.width}×${viewport.height}`, () => {
      test.use({ viewport })
      test.describe.configure({ timeout })
      if (demo)
        test.beforeEach(async ({ app }) => {
          await app.core.openDemo()
          await app.open()
        })
      stories(viewport.width)
    })
}
