import type ExcelJS from 'exceljs'
import { commitRow, streamedWorkbook } from './streamed-workbook'
import type { Session } from '../app/session'
import type { Language } from '@shared/i18n/locale'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { translate } from '@shared/i18n/translate'
import { cellShown, cellWriter, type ExportCell } from './export-cells'
import { declareFilters, type SheetFilter } from './filter-names'
import {
  type ExportRow,
  type Register,
  type RegisterColumn,
  choiceLabel,
  pagesOf,
} from './register'
import { RegisterReader } from './register-reader'
import { columnUnits, FILTER_BUTTON, FONT, font } from './xlsx-style'
import { IMPORT_BOUNDS } from './import/import-bounds'
import { DEFAULT_DATE_RANGE, frenchDay } from './cell-values'
import { formatCount } from '@shared/i18n/format-number'

const LISTS_SHEET = 'Listes'
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE4E7EB' },
}
type CellWriter = ReturnType<typeof cellWriter>

/**
 * The workbook of the registers: one sheet per register with its headings (in `language`; the
 * import reads French and English), a notes sheet explaining every column, and drop-down lists
 * where the values are a closed list. Empty, it is the template; with `session`, the full
 * export of the file, which the import reads back to the same records. `registers` are its
 * sheets, in their order (workbook/registers.ts, given by the caller).
 *
 * Written by exceljs's streaming writer, sheet after sheet, so that twenty years of registers
 * are never held in memory as a whole workbook.
 */
export async function registersWorkbook(
  registers: readonly Register[],
  language: Language,
  session?: Session,
): Promise<Buffer> {
  const t = (key: MessageKey, params?: Record<string, string>) => translate(language, key, params)
  return streamedWorkbook((workbook) => writeRegisters(workbook, registers, t, language, session))
}

async function writeRegisters(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  registers: readonly Register[],
  t: (key: MessageKey, params?: Record<string, string>) => string,
  language: Language,
  session: Session | undefined,
): Promise<void> {
  workbook.creator = 'AIMF Finances'
  const reader = session ? new RegisterReader(session, language) : null

  const filters: SheetFilter[] = []
  declareFilters(workbook, filters)
  // Open on the first sheet, the notes: visible (the closed lists, hidden, come last).
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' },
  ]

  const listColumns = registers.flatMap((register) =>
    register.columns.filter((column) => column.choices),
  )
  const listLabels = listColumns.map((column) =>
    (column.choices?.codes ?? []).map((code) => choiceLabel(column, code, language)),
  )
  const listRange = (column: RegisterColumn) => {
    const index = listColumns.indexOf(column)
    const letter = columnLetter(index)
    return `${LISTS_SHEET}!$${letter}$1:$${letter}$${listLabels[index]?.length ?? 0}`
  }

  writeNotes(workbook, registers, t, language)

  for (const register of registers) {
    const sheet = workbook.addWorksheet(t(register.sheet), {
      views: [{ state: 'frozen', ySplit: 1 }],
    })
    const headings = register.columns.map((column) => t(column.heading))
    const cells = register.columns.map((column) => cellWriter(column, language))
    const pages =
      session && reader ? pagesOf(register.rows(session, reader))[Symbol.asyncIterator]() : null
    // The columns' widths come before the rows in the sheet: from the first page of rows (a
    // page is thousands of rows; most registers are one page).
    const first = pages ? await pages.next() : null
    const firstPage = first && !first.done ? first.value : []
    const toCells = (row: ExportRow) =>
      register.columns.map((column, i) => (cells[i] as CellWriter)(row[column.field] ?? null))
    sheet.columns = register.columns.map((column, index) => ({
      header: headings[index],
      key: column.field,
      width: registerWidth(
        headings[index] ?? '',
        firstPage.map((row) => row[column.field] ?? null),
        cellShown(column, language),
        column.choices !== undefined,
      ),
    }))
    const header = sheet.getRow(1)
    header.eachCell((cell) => {
      cell.font = font({ bold: true })
      cell.fill = HEADER_FILL
    })
    commitRow(header)
    let count = 0
    const write = (row: ExportCell[]) => {
      const added = sheet.addRow(row.map((cell) => cell.value))
      row.forEach((cell, i) => (added.getCell(i + 1).style = cell.style))
      commitRow(added)
      count += 1
    }
    for (const row of firstPage) write(toCells(row))
    // Read page by page and not kept: a register of 140,000 expenses never sits in memory whole.
    if (pages) {
      for (let next = await pages.next(); !next.done; next = await pages.next())
        for (const row of next.value) write(toCells(row))
    }
    const last = columnLetter(register.columns.length - 1)
    sheet.autoFilter = `A1:${last}${count + 1}`
    // The notes are the first sheet, the registers follow in order.
    filters.push({
      sheet: sheet.name,
      index: registers.indexOf(register) + 1,
      range: `A1:${last}${count + 1}`,
    })
    register.columns.forEach((column, index) => {
      if (!column.choices) return
      const letter = columnLetter(index)
      // One validation for the column's range, with room for rows the user adds.
      rangeValidations(sheet).add(`${letter}2:${letter}${count + 201}`, {
        type: 'list',
        allowBlank: !column.required,
        formulae: [listRange(column)],
      })
    })
    sheet.commit()
  }

  // The closed lists, one column each: the sheets' drop-down lists point into it. Hidden (not
  // "very hidden", which LibreOffice shows and saves as visible).
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' })
  const longest = Math.max(0, ...listLabels.map((labels) => labels.length))
  for (let row = 0; row < longest; row += 1)
    lists.addRow(listLabels.map((labels) => labels[row] ?? null)).commit()
  lists.commit()
}

/** The notes sheet: every column of every register, its type, whether required, its values. */
function writeNotes(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  registers: readonly Register[],
  t: (key: MessageKey, params?: Record<string, string>) => string,
  language: Language,
): void {
  const notes = workbook.addWorksheet(t('workbook.sheet.notes'))
  const headings = [
    t('workbook.notes.sheet'),
    t('workbook.notes.column'),
    t('workbook.notes.type'),
    t('workbook.notes.required'),
    t('workbook.notes.values'),
  ]
  const rows = registers.flatMap((register) =>
    register.columns.map((column) => noteRow(register, column, t, language)),
  )
  // Widths from the column rows; the two general notes run over the empty cells beside them.
  notes.columns = headings.map((header, index) => ({
    header,
    width: Math.min(
      NOTES_WIDEST,
      Math.max(
        columnUnits(header, { bold: true }),
        ...rows.map((row) => columnUnits(row[index] ?? '')),
      ),
    ),
    style: { font: FONT, alignment: index === 4 ? { wrapText: true } : {} },
  }))
  notes.getRow(1).font = font({ bold: true })
  notes.getRow(1).commit()
  notes.addRow([t('workbook.notes.general')]).commit()
  // The order of dates typed as text, which a workbook from elsewhere may change to month first.
  notes.addRow([t('workbook.notes.dateOrder'), t('workbook.notes.dayFirst')]).commit()
  // The days dates may fall on (a workbook of older records may widen them, within 1900–2100).
  notes
    .addRow([
      t('workbook.notes.dateRange'),
      `${frenchDay(DEFAULT_DATE_RANGE.from)} – ${frenchDay(DEFAULT_DATE_RANGE.to)}`,
    ])
    .commit()
  notes
    .addRow([
      t('workbook.notes.limits'),
      t('workbook.notes.limitsText', {
        rows: formatCount(IMPORT_BOUNDS.maxRowsPerSheet, language),
        total: formatCount(IMPORT_BOUNDS.maxRows, language),
        chars: formatCount(IMPORT_BOUNDS.maxCellChars, language),
        size: String(IMPORT_BOUNDS.maxFileBytes / 1024 / 1024),
      }),
    ])
    .commit()
  for (const row of rows) notes.addRow(row).commit()
  notes.commit()
}

const NOTES_WIDEST = 70
/** A register's text column is not made wider than this: the text runs on in the cell. */
const REGISTER_WIDEST = 50

/** A register column's width: its heading (with its filter button), and its values as shown. */
function registerWidth(
  heading: string,
  values: (string | number | null)[],
  shown: (value: string | number | null) => string,
  choices: boolean,
): number {
  let widest = columnUnits(heading, { bold: true }) + FILTER_BUTTON
  let longest = 0
  for (const value of new Set(values)) {
    // Only a value about as long as the longest yet can be wider: most are neither formatted
    // nor measured (a choice is measured by its label, which its code's length does not tell).
    const length = value === null ? 0 : choices ? Infinity : String(value).length
    if (length === 0 || length < longest * 0.7) continue
    if (length !== Infinity) longest = Math.max(longest, length)
    widest = Math.max(widest, columnUnits(shown(value)))
  }
  return Math.ceil(Math.min(REGISTER_WIDEST, Math.max(10, widest)) * 10) / 10
}

/** The letters of a column, from its index (0 → A, 27 → AB). */
function columnLetter(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

/** exceljs keeps a sheet's validations by address, ranges included, but does not type it. */
function rangeValidations(sheet: ExcelJS.Worksheet): {
  add: (range: string, validation: ExcelJS.DataValidation) => void
} {
  return (sheet as unknown as { dataValidations: ReturnType<typeof rangeValidations> })
    .dataValidations
}

function noteRow(
  register: Register,
  column: RegisterColumn,
  t: (key: MessageKey, params?: Record<string, string>) => string,
  language: Language,
): string[] {
  const values = column.choices
    ? column.choices.codes.map((code) => choiceLabel(column, code, language)).join(' ; ')
    : t(`workbook.kind.${column.kind}`)
  return [
    t(register.sheet),
    t(column.heading),
    t(`workbook.type.${column.kind}`),
    column.required ? t('common.yes') : t('common.no'),
    values,
  ]
}
