import type { Locator, Page } from '@playwright/test'
import { test, expect } from './harness/fixtures'
import { LIST_SIZES } from './harness/register-checks'

/**
 * A reviewer found the lists hiding their amounts: the Conventions' totals row read
 * « 20 385 386,… », a one-agreement group's subtotal « 2 500 000,0… » under a row showing
 * 2 500 000,00 €, and the journal « 04/12/2026 — 1 25… » and « 6 déc. 2026, … ». A finance
 * tool never cuts an amount, a subtotal, a total or a date: each such cell holds its whole
 * text (its content no wider than its box, no « … »), at a laptop's and a desktop's size, in
 * French and in English. The journal's record and changes hold amounts: whole too.
 */

const WORDS = {
  fr: {
    agreements: 'Conventions',
    groupBy: 'Regrouper par',
    funder: 'Bailleur',
    subtotal: 'Sous-total',
    settings: 'Paramètres',
    sections: 'Sections des paramètres',
    journal: 'Journal des modifications',
    when: 'Quand',
    record: 'Enregistrement',
    changes: 'Modifications',
  },
  en: {
    agreements: 'Agreements',
    groupBy: 'Group by',
    funder: 'Funder',
    subtotal: 'Subtotal',
    settings: 'Settings',
    sections: 'Settings sections',
    journal: 'Change journal',
    when: 'When',
    record: 'Record',
    changes: 'Changes',
  },
} as const

type Words = (typeof WORDS)[keyof typeof WORDS]

/**
 * The cells of `rows` in the columns whose header matches `columns` (by kind or by name), each
 * read as drawn: its text, and whether its content is wider than its box or says « … ».
 */
async function cellsIn(
  table: Locator,
  rows: string,
  columns: { kinds?: string[]; names?: string[] },
): Promise<{ text: string; cut: boolean; scroll: number; client: number }[]> {
  return table.evaluate(
    (element, { rows: selector, kinds, names }) => {
      const headers = [...element.querySelectorAll('thead th')]
      const wanted = headers.flatMap((th, index) => {
        const kind = th.getAttribute('data-kind') ?? ''
        const name = (th.querySelector('.sort-button')?.firstChild?.textContent ?? '').trim()
        return kinds.includes(kind) || names.includes(name) ? [index] : []
      })
      return [...element.querySelectorAll<HTMLTableRowElement>(selector)].flatMap((tr) =>
        wanted.flatMap((index) => {
          const cell = tr.children[index] as HTMLElement | undefined
          if (!cell) return []
          const text = cell.innerText.trim()
          const [scroll, client] = [cell.scrollWidth, cell.clientWidth]
          return [{ text, cut: scroll > client || text.includes('…'), scroll, client }]
        }),
      )
    },
    { rows, kinds: columns.kinds ?? [], names: columns.names ?? [] },
  )
}

function expectWhole(cells: { text: string; cut: boolean; scroll: number; client: number }[]) {
  const cut = cells.filter((c) => c.cut).map((c) => `« ${c.text} » (${c.scroll} > ${c.client})`)
  expect(cut, 'cells cut').toEqual([])
}

async function agreementsWhole(page: Page, words: Words, shot: (name: string) => Promise<void>) {
  await page.getByRole('navigation').getByRole('button', { name: words.agreements }).click()
  const table = page.getByRole('table', { name: words.agreements })
  await expect(table.locator('tfoot')).toContainText('Total')
  await expect(table.locator('tbody tr[data-index]')).not.toHaveCount(0)
  const money = { kinds: ['money', 'date'] }
  const rows = await cellsIn(table, 'tbody tr[data-index]', money)
  const totals = await cellsIn(table, 'tfoot tr', { kinds: ['money'] })
  // Something was read: amounts in the rows, a total per amount column.
  expect(rows.filter((c) => /\d/.test(c.text)).length).toBeGreaterThan(20)
  expect(totals.filter((c) => /\d{3}/.test(c.text)).length).toBeGreaterThanOrEqual(4)
  expectWhole(rows)
  expectWhole(totals)
  await shot('flat')

  // Grouped by funder: each group's subtotal, even a group of one row, is whole.
  await page.getByRole('textbox', { name: words.groupBy, exact: true }).click()
  await page.getByRole('option', { name: words.funder, exact: true }).click()
  await expect(table.locator('tbody')).toContainText(words.subtotal)
  const subtotals = await cellsIn(table, 'tbody tr.register-subtotal', money)
  expect(subtotals.filter((c) => /\d/.test(c.text)).length).toBeGreaterThan(8)
  expectWhole(subtotals)
  expectWhole(await cellsIn(table, 'tbody tr[data-index]', money))
  expectWhole(await cellsIn(table, 'tfoot tr', money))
  await shot('grouped')
  await page.getByRole('textbox', { name: words.groupBy, exact: true }).click()
  await page.keyboard.press('Escape')
}

async function journalWhole(page: Page, words: Words, shot: (name: string) => Promise<void>) {
  await page.getByRole('navigation').getByRole('button', { name: words.settings }).click()
  await page
    .getByRole('navigation', { name: words.sections })
    .getByRole('button', { name: words.journal })
    .click()
  const table = page.getByRole('table', { name: words.journal })
  await expect(table.locator('tbody')).toContainText(' → ', { timeout: 60_000 })
  const cells = await cellsIn(table, 'tbody tr[data-index]', {
    names: [words.when, words.record, words.changes],
  })
  // The three columns shown, every drawn row read.
  const rows = await table.locator('tbody tr[data-index]').count()
  expect(cells.length).toBe(rows * 3)
  // Records named by their day and amount (a receipt, a payment) are among them.
  expect(cells.some((c) => /\d{2}\/\d{2}\/\d{4} — .*\d/.test(c.text))).toBe(true)
  expectWhole(cells)
  await shot('journal')
}

for (const language of ['fr', 'en'] as const)
  for (const viewport of LIST_SIZES)
    test.describe(`in ${language} at ${viewport.width}×${viewport.height}`, () => {
      test.use({ viewport })
      test.describe.configure({ timeout: 180_000 })

      test('every amount, subtotal, total and date of the lists is shown whole', async ({
        app,
        page,
      }) => {
        await app.core.openDemo()
        if (language === 'en') await app.core.setLanguage('en')
        await app.open()
        const words = WORDS[language]
        const shot = (name: string) =>
          app.screenshot(`amounts-whole-${name}-${viewport.width}-${language}`)
        await agreementsWhole(page, words, shot)
        await journalWhole(page, words, shot)
      })
    })
