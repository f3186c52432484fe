import { useMemo } from 'react'
import { formatDate } from '@shared/i18n/format-dates'
import { formatNumber } from '@shared/i18n/format-number'
import type { Language } from '@shared/i18n/locale'
import { widestAmounts, widestNumber } from '@shared/lists/list-figures'
import { formatMoney } from '@shared/money/format'
import type { ListColumn } from './list-columns'

/**
 * How wide the columns that are never cut must be: an amount (every row's, every group's
 * subtotal, the total), a date, a number, a moment — in the language's own writing, so that
 * « 20 385 386,42 € » and « €20,385,386.42 » show whole. A finance list never shows
 * « 20 385 386,… ».
 *
 * Read from the rows once (not at each key typed, not per row drawn): the widest amounts of a
 * column come from its sums (widestAmounts), so that only a few texts per column are measured,
 * each once for the session.
 */

/** A cell's padding either side (styles.css, `.register-table td`), and a pixel of rounding. */
const CELL_PADDING = 2 * 10
const ROUNDING = 2

/** A day written as wide as any: figures only, of one width (dd/mm/yyyy in both languages). */
const ANY_DAY = '2000-12-28'

/** The texts of a column, at their widest, that its cells, subtotals and totals must show whole. */
export function widestTexts<Row>(
  column: ListColumn<Row>,
  rows: readonly Row[],
  language: Language,
): string[] {
  const own = [...(column.widest?.(language) ?? [])]
  if (column.kind === 'money' && column.amount) {
    const amounts = widestAmounts(rows, column.amount, {
      totalled: column.totalled !== false,
      drawn: column.drawnAmount,
    })
    return [...own, ...amounts.map((amount) => formatMoney(amount, language))]
  }
  if (column.kind === 'date') return [...own, formatDate(ANY_DAY, language)]
  if (column.kind === 'number' && column.value) {
    const value = column.value
    const widest = widestNumber(
      rows.map((row) => {
        const number = value(row)
        return typeof number === 'number' ? number : null
      }),
    )
    return widest === null ? own : [...own, formatNumber(widest, language)]
  }
  return own
}

/**
 * The room each column's widest text needs, in pixels, by column id (only the columns that
 * have such texts). Measured again only when the rows, the columns or the language change.
 */
export function useColumnWidths<Row>(
  rows: readonly Row[],
  columns: readonly ListColumn<Row>[],
  language: Language,
): ReadonlyMap<string, number> {
  return useMemo(() => {
    const widths = new Map<string, number>()
    for (const column of columns) {
      const texts = widestTexts(column, rows, language)
      if (texts.length === 0) continue
      // An amount is widest in the totals row (bold); a date or a moment shows in rows only.
      const bold = column.kind === 'money'
      const widest = Math.max(...texts.map((text) => textWidth(text, bold)))
      widths.set(column.id, Math.ceil(widest) + CELL_PADDING + ROUNDING)
    }
    return widths
  }, [rows, columns, language])
}

const measured = new Map<string, number>()
let probe: HTMLElement | null = null

/**
 * A text's width as a list's cell draws it (bold: as a totals cell does; figures of one width),
 * measured once in a hidden element styled as the table (styles.css, `.register-measure`),
 * then remembered. Where nothing is laid out (no window), its length at a generous width per
 * character.
 */
export function textWidth(text: string, bold: boolean): number {
  const key = `${bold ? 'b' : 'r'}${text}`
  const known = measured.get(key)
  if (known !== undefined) return known
  if (typeof document === 'undefined' || !document.body) return text.length * 10
  if (!probe || !probe.isConnected) {
    probe = document.createElement('span')
    probe.className = 'register-measure'
    probe.setAttribute('aria-hidden', 'true')
    document.body.append(probe)
  }
  probe.style.fontWeight = bold ? '700' : '400'
  probe.textContent = text
  const width = probe.getBoundingClientRect().width
  if (width === 0) return text.length * 10
  measured.set(key, width)
  return width
}
