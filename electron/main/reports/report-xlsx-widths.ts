import { columnUnits, FILTER_BUTTON } from '../workbook/xlsx-style'
import type { Language } from '@shared/i18n/locale'
import { formatCell } from '@shared/reports/format-cell'
import { formatAmount } from '@shared/money/format'
import { money } from '@shared/money/money'
import { minorUnits } from '@shared/money/currencies'
import type { Cell, ReportTable } from '@shared/reports/model'
import { unbreakable } from './pdf-table-sizing'

export interface ColumnWidth {
  /** Excel's width, in its units. */
  units: number
  /** Text longer than the widest allowed column: its cells wrap. */
  wraps: boolean
}

/** A text column is not made wider than this; longer texts wrap. */
const TEXT_CAP = 50
const NARROWEST = 6
/** Height of a line of the workbook's font (Calibri 11), in points. */
const LINE_HEIGHT = 15

/**
 * Each column's width from what its cells show in the spreadsheet, in the report's language:
 * the widest figure or date as formatted, the widest text up to a cap (beyond it, the text
 * wraps), and the heading's longest word with its filter button (the heading wraps).
 */
export function columnWidths(tables: ReportTable[], language: Language): ColumnWidth[] {
  const widths: ColumnWidth[] = []
  for (const table of tables) {
    table.columns.forEach((column, index) => {
      let units = Math.max(
        NARROWEST,
        ...unbreakable(column.label).map(
          (word) => columnUnits(word, { bold: true }) + FILTER_BUTTON,
        ),
      )
      let wraps = false
      let longest = 0
      // An amount shows no wider than one of its currency and weight with as many digits (a
      // sign counting as one): only amounts as long as the longest yet are formatted — a list
      // of 50,000 rows formatted each of its amounts to learn nothing.
      const widestAmount = new Map<string, number>()
      for (const row of table.rows) {
        const cell = row.cells[index] ?? null
        if (cell === null) continue
        if (cell.kind === 'money') {
          const key = `${cell.currency}|${row.style}`
          // At least a unit before the decimals (« 0,05 »).
          const digits =
            Math.max(String(Math.abs(cell.minor)).length, minorUnits(cell.currency) + 1) +
            (cell.minor < 0 ? 1 : 0)
          if (digits < (widestAmount.get(key) ?? 0)) continue
          widestAmount.set(key, digits)
        }
        const indent = index === 0 && row.depth ? 2 * row.depth : 0
        const text = shown(cell, language)
        // Only a text about as long as the longest yet can be wider: most cells are not measured.
        if (text.length + indent < longest * 0.7) continue
        longest = Math.max(longest, text.length + indent)
        const need = columnUnits(text, { bold: row.style !== 'item' }) + indent
        if (cell.kind === 'text' && need > TEXT_CAP) wraps = true
        units = Math.max(units, cell.kind === 'text' ? Math.min(need, TEXT_CAP) : need)
      }
      const before = widths[index]
      widths[index] = {
        units: Math.ceil(Math.max(units, before?.units ?? 0) * 10) / 10,
        wraps: wraps || (before?.wraps ?? false),
      }
    })
  }
  return widths
}

/** The height a table's heading row needs for its headings to wrap in their columns, if more than one line. */
export function headerHeight(table: ReportTable, widths: ColumnWidth[]): number | undefined {
  const lines = table.columns.map((column, index) => {
    const room = (widths[index]?.units ?? NARROWEST) - FILTER_BUTTON
    let count = 1
    let line = ''
    for (const word of unbreakable(column.label)) {
      const next = line ? `${line} ${word}` : word
      if (line && columnUnits(next, { bold: true }) > room) {
        count += 1
        line = word
      } else line = next
    }
    return count
  })
  const most = Math.max(1, ...lines)
  // One line: the spreadsheet's own height, which follows the font it draws with.
  return most > 1 ? LINE_HEIGHT * most + 2 : undefined
}

/**
 * A cell as the spreadsheet shows it with its number format: amounts with the currency after
 * them, dates in the report's format — in English, as wide as a French reader's spreadsheet
 * writes its months (« 30 sept. 2025 »).
 */
function shown(cell: NonNullable<Cell>, language: Language): string {
  switch (cell.kind) {
    case 'money':
      return `${formatAmount(money(cell.minor, cell.currency), language)} ${cell.currency === 'EUR' ? '€' : cell.currency}`
    case 'date':
      return language === 'fr' ? '31/12/2025' : '30 sept. 2025'
    default:
      return formatCell(cell, language)
  }
}
