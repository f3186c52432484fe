import type { Language } from '@shared/i18n/locale'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { translate } from '@shared/i18n/translate'
import { formatCount } from '@shared/i18n/format-number'
import type { CurrencyCode } from '@shared/money/currencies'
import {
  type DateReading,
  type Read,
  cellText,
  readAmount,
  readCurrency,
  readDate,
  readDecimal,
  readInteger,
  readText,
} from '../cell-values'
import { nameKey } from '../names'
import {
  type Register,
  type RegisterColumn,
  choiceCode,
  choiceLabels,
  countryCode,
} from '../register'
import { type CellValue, type RawCell, type RawRow, isFault } from '../workbook-reader'
import { IMPORT_BOUNDS } from './import-bounds'
import type { Problems } from './problems'

/** A row of a register's sheet: where it is, and the contract input its cells make. */
export interface SheetRow {
  row: number
  input: Record<string, unknown>
  /**
   * The row as its register's contract took it when checked, kept when it named no record
   * (nothing the writing would find otherwise): the writing takes it instead of parsing the
   * row again.
   */
  contract?: Record<string, unknown>
}

/** A register's rows read from its sheet. */
export interface ReadSheet {
  register: Register
  name: string
  rows: SheetRow[]
  /** Each field's heading as the sheet writes it, for the problems that name a column. */
  headings: Map<string, string>
}

/** What a cell that holds no usable value is said as. */
const FAULTS: Record<string, MessageKey> = {
  formulaError: 'workbook.formulaError',
  noValue: 'workbook.formulaWithoutValue',
  tooLong: 'workbook.cellTooLong',
  badSharedString: 'workbook.badSharedString',
}

/** The column a heading names, in French or English, the forgiving way. */
function columnOfHeading(register: Register, text: string): RegisterColumn | undefined {
  const wanted = nameKey(text)
  return register.columns.find((c) =>
    (['fr', 'en'] as const).some((l) => nameKey(translate(l, c.heading)) === wanted),
  )
}

/**
 * Reads a register's sheet, row by row as its rows come: its headings (unknown, missing and
 * repeated ones said), then each row's cells read as their column says. Rows are kept as the
 * input they make, not as cells.
 */
export async function readSheetRows(
  name: string,
  register: Register,
  rows: AsyncIterable<RawRow>,
  layout: { merges: string[] },
  reading: DateReading,
  problems: Problems,
): Promise<ReadSheet> {
  const language = problems.language
  const columnIndex = new Map<string, number>()
  const headings = new Map<string, string>()
  const read: SheetRow[] = []
  let headingsRead = false
  const readHeadings = (cells: RawCell[]) => {
    headingsRead = true
    cells.forEach((cell, index) => {
      const text = cell === undefined || isFault(cell) ? '' : cellText(cell).trim()
      const column = text ? columnOfHeading(register, text) : undefined
      const at = { sheet: name, row: 1, column: text || null, value: null }
      if (column && columnIndex.has(column.field)) {
        // Two columns of one heading: which one holds the values cannot be guessed.
        problems.add({ ...at, key: 'workbook.duplicateColumn', blocking: true })
      } else if (column) {
        columnIndex.set(column.field, index)
        headings.set(column.field, text)
      } else if (cell !== null && cell !== undefined) {
        problems.add({ ...at, key: 'workbook.unknownColumn', blocking: false })
      }
    })
    for (const column of register.columns.filter((c) => c.required && !columnIndex.has(c.field))) {
      problems.add({
        sheet: name,
        row: 1,
        column: translate(language, column.heading),
        value: null,
        key: 'workbook.missingColumn',
        blocking: true,
      })
    }
    const optional = register.columns.filter((c) => !c.required && !columnIndex.has(c.field))
    if (optional.length > 0 && columnIndex.size > 0) {
      problems.add({
        sheet: name,
        row: 1,
        column: null,
        value: null,
        key: 'workbook.optionalColumnsMissing',
        params: { columns: optional.map((c) => translate(language, c.heading)).join(', ') },
        blocking: false,
      })
    }
  }
  const headingOf = (field: string, column: RegisterColumn) =>
    headings.get(field) ?? translate(language, column.heading)
  const currencyColumn = register.columns.find((c) => c.kind === 'currency')
  for await (const { row, cells: all, hidden } of rows) {
    if (!headingsRead) {
      readHeadings(row === 1 ? all : [])
      if (row === 1) continue
    }
    const cells = register.columns.map((column) => {
      const index = columnIndex.get(column.field)
      return index === undefined ? null : (all[index] ?? null)
    })
    if (cells.every((cell) => cell === null)) continue
    // A hidden row is data all the same: it is imported, and said.
    if (hidden) {
      problems.add({
        sheet: name,
        row,
        column: null,
        value: null,
        key: 'workbook.hiddenRow',
        blocking: false,
      })
    }
    const currencyCell = currencyColumn ? cells[register.columns.indexOf(currencyColumn)] : null
    const currencyRead = readCurrency(isFault(currencyCell) ? null : (currencyCell ?? null))
    const currency = currencyRead.ok && currencyRead.value ? currencyRead.value : 'EUR'
    const input: Record<string, unknown> = {}
    register.columns.forEach((column, i) => {
      const cell = cells[i] ?? null
      const result: Read<unknown> = isFault(cell)
        ? {
            ok: false,
            key: FAULTS[cell.fault] ?? 'workbook.badSharedString',
            params: {
              error: cell.detail,
              max: formatCount(IMPORT_BOUNDS.maxCellChars, language),
            },
          }
        : readCell(column, cell, currency, language, reading)
      if (result.ok) {
        input[column.field] = result.value
        return
      }
      problems.add({
        sheet: name,
        row,
        column: headingOf(column.field, column),
        value: cell === null || isFault(cell) ? null : cellText(cell),
        key: result.key,
        params: result.params,
        blocking: true,
      })
      input[column.field] = undefined
    })
    read.push({ row, input })
  }
  // Merged cells repeat one value over several columns or rows: said, as the rows may be wrong.
  for (const range of layout.merges) {
    problems.add({
      sheet: name,
      row: null,
      column: range,
      value: null,
      key: 'workbook.mergedCells',
      blocking: false,
    })
  }
  return { register, name, rows: read, headings }
}

function readCell(
  column: RegisterColumn,
  value: CellValue,
  currency: CurrencyCode,
  language: Language,
  reading: DateReading,
): Read<unknown> {
  switch (column.kind) {
    case 'date':
      return readDate(value, reading)
    case 'integer':
      return readInteger(value)
    case 'currency':
      return readCurrency(value)
    case 'amount':
      return readAmount(value, currency, language)
    case 'percent':
      return readDecimal(value, '%')
    case 'rate':
      return readDecimal(value, null)
    case 'country': {
      if (value === null) return { ok: true, value: null }
      const code = countryCode(cellText(value))
      return code ? { ok: true, value: code } : { ok: false, key: 'workbook.badCountry' }
    }
    case 'choice': {
      if (value === null) return { ok: true, value: null }
      const code = choiceCode(column, cellText(value))
      return code
        ? { ok: true, value: code }
        : {
            ok: false,
            key: 'workbook.badChoice',
            params: { values: choiceLabels(column, language).join(' ; ') },
          }
    }
    default:
      // A formula typed as text (=HYPERLINK(...)) stays text: cells are never evaluated.
      return readText(value)
  }
}
