import { PassThrough } from 'node:stream'
import type ExcelJS from 'exceljs'
import { loadExcelJS } from './load-exceljs'
import type { Session } from '../app/app-core'
import type { Language } from '../../../shared/i18n/locale'
import type { MessageKey } from '../../../shared/i18n/messages/catalog'
import { translate } from '../../../shared/i18n/translate'
import { REGISTERS } from './registers'
import { type Register, type RegisterColumn, choiceLabel, pagesOf } from './register'
import { RegisterReader } from './register-reader'
import { IMPORT_BOUNDS } from './import/import-bounds'
import { DEFAULT_DATE_RANGE, frenchDay } from './cell-values'
import { formatCount } from '../../../shared/i18n/format-number'

const LISTS_SHEET = 'Listes'
const DATE_FORMAT = 'dd/mm/yyyy'

/**
 * The workbook of the registers: one sheet per register with its headings (in `language`; the
 * import reads French and English), a notes sheet explaining every column, and drop-down lists
 * where the values are a closed list. Empty, it is the template; with `session`, the full
 * export of the file, which the import reads back to the same records.
 *
 * Written by exceljs's streaming writer, sheet after sheet, so that twenty years of registers
 * are never held in memory as a whole workbook.
 */
export async function registersWorkbook(language: Language, session?: Session): Promise<Buffer> {
  const t = (key: MessageKey, params?: Record<string, string>) => translate(language, key, params)
  const output = new PassThrough()
  const chunks: Buffer[] = []
  output.on('data', (chunk: Buffer) => chunks.push(chunk))
  // exceljs's commit resolves when the zip is written into the stream ('finish'); the workbook
  // is certainly whole only once every chunk has been read out of it ('end').
  const ended = new Promise<void>((resolve, reject) => {
    output.on('end', resolve)
    output.on('error', reject)
  })
  const workbook = new (await loadExcelJS()).stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  })
  workbook.creator = 'AIMF Finances'
  const reader = session ? new RegisterReader(session, language) : null

  // The closed lists first, one column each: the sheets' drop-down lists point into it.
  const listColumns = REGISTERS.flatMap((register) =>
    register.columns.filter((column) => column.choices),
  )
  const listLabels = listColumns.map((column) =>
    (column.choices?.codes ?? []).map((code) => choiceLabel(column, code, language)),
  )
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'veryHidden' })
  const longest = Math.max(0, ...listLabels.map((labels) => labels.length))
  for (let row = 0; row < longest; row += 1)
    lists.addRow(listLabels.map((labels) => labels[row] ?? null)).commit()
  const listRange = (column: RegisterColumn) => {
    const index = listColumns.indexOf(column)
    const letter = lists.getColumn(index + 1).letter
    return `${LISTS_SHEET}!$${letter}$1:$${letter}$${listLabels[index]?.length ?? 0}`
  }
  lists.commit()

  const notes = workbook.addWorksheet(t('workbook.sheet.notes'))
  notes.columns = [
    { header: t('workbook.notes.sheet'), width: 22 },
    { header: t('workbook.notes.column'), width: 28 },
    { header: t('workbook.notes.type'), width: 18 },
    { header: t('workbook.notes.required'), width: 12 },
    { header: t('workbook.notes.values'), width: 70 },
  ]
  notes.getRow(1).font = { bold: true }
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
  for (const register of REGISTERS) {
    for (const column of register.columns)
      notes.addRow(noteRow(register, column, t, language)).commit()
  }
  notes.commit()

  for (const register of REGISTERS) {
    const sheet = workbook.addWorksheet(t(register.sheet), {
      views: [{ state: 'frozen', ySplit: 1 }],
    })
    // One style object per column, shared by its cells: exceljs recognises a style it has seen
    // by the object, and otherwise registers each cell's copy anew (most of an export's time).
    const styles = register.columns.map((column) =>
      column.kind === 'date' ? { numFmt: DATE_FORMAT } : {},
    )
    sheet.columns = register.columns.map((column, index) => ({
      header: t(column.heading),
      key: column.field,
      width: Math.max(14, t(column.heading).length + 4),
      style: styles[index],
    }))
    sheet.getRow(1).font = { bold: true }
    sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4E7EB' } }
    const cells = register.columns.map((column) => cellWriter(column, language))
    let count = 0
    // Read page by page and not kept: a register of 140,000 expenses never sits in memory whole.
    if (session && reader) {
      for await (const page of pagesOf(register.rows(session, reader))) {
        for (const row of page) {
          const added = sheet.addRow(
            register.columns.map((column, i) => cells[i]?.(row[column.field] ?? null)),
          )
          styles.forEach((style, i) => (added.getCell(i + 1).style = style))
          added.commit()
        }
        count += page.length
      }
    }
    register.columns.forEach((column, index) => {
      if (!column.choices) return
      const letter = sheet.getColumn(index + 1).letter
      // One validation for the column's range, with room for rows the user adds.
      rangeValidations(sheet).add(`${letter}2:${letter}${count + 201}`, {
        type: 'list',
        allowBlank: !column.required,
        formulae: [listRange(column)],
      })
    })
    sheet.commit()
  }
  await workbook.commit()
  await ended
  return Buffer.concat(chunks)
}

/** exceljs keeps a sheet's validations by address, ranges included, but does not type it. */
function rangeValidations(sheet: ExcelJS.Worksheet): {
  add: (range: string, validation: ExcelJS.DataValidation) => void
} {
  return (sheet as unknown as { dataValidations: ReturnType<typeof rangeValidations> })
    .dataValidations
}

/** How a column's values are written: labels for choices, Excel dates for dates, the rest as is. */
function cellWriter(
  column: RegisterColumn,
  language: Language,
): (value: string | number | null) => string | number | Date | null {
  if (column.choices) {
    // Each choice's label looked up once per export, not once per cell.
    const labels = new Map(
      column.choices.codes.map((code) => [code, choiceLabel(column, code, language)]),
    )
    return (value) =>
      value === null
        ? null
        : (labels.get(String(value)) ?? choiceLabel(column, String(value), language))
  }
  if (column.kind === 'date')
    return (value) => (value === null ? null : new Date(`${String(value)}T00:00:00Z`))
  return (value) => value
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
