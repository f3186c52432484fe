import type ExcelJS from 'exceljs'
import { loadExcelJS } from './load-exceljs'
import type { Session } from '../app/app-core'
import type { Language } from '../../../shared/i18n/locale'
import type { MessageKey } from '../../../shared/i18n/messages/catalog'
import { translate } from '../../../shared/i18n/translate'
import {
  REGISTERS,
  type Register,
  type RegisterColumn,
  RegisterReader,
  choiceLabel,
} from './registers'

const LISTS_SHEET = 'Listes'

/**
 * The workbook of the registers: one sheet per register with its headings (in `language`; the
 * import reads French and English), a notes sheet explaining every column, and drop-down lists
 * where the values are a closed list. Empty, it is the template; with `session`, the full
 * export of the file, which the import reads back to the same records.
 */
export async function registersWorkbook(language: Language, session?: Session): Promise<Buffer> {
  const t = (key: MessageKey, params?: Record<string, string>) => translate(language, key, params)
  const workbook = new (await loadExcelJS()).Workbook()
  workbook.creator = 'AIMF Finances'
  const reader = session ? new RegisterReader(session) : null
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'veryHidden' })
  let listColumn = 0
  const notes = workbook.addWorksheet(t('workbook.sheet.notes'))
  notes.columns = [
    { header: t('workbook.notes.sheet'), width: 22 },
    { header: t('workbook.notes.column'), width: 28 },
    { header: t('workbook.notes.type'), width: 18 },
    { header: t('workbook.notes.required'), width: 12 },
    { header: t('workbook.notes.values'), width: 70 },
  ]
  notes.getRow(1).font = { bold: true }
  notes.addRow([t('workbook.notes.general')])
  for (const register of REGISTERS) {
    const sheet = workbook.addWorksheet(t(register.sheet), {
      views: [{ state: 'frozen', ySplit: 1 }],
    })
    sheet.columns = register.columns.map((column) => ({
      header: t(column.heading),
      key: column.field,
      width: Math.max(14, t(column.heading).length + 4),
    }))
    sheet.getRow(1).font = { bold: true }
    sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4E7EB' } }
    for (const row of reader ? await reader.rowsOf(register) : []) {
      sheet.addRow(
        register.columns.map((column) => cellFor(column, row[column.field] ?? null, language)),
      )
    }
    register.columns.forEach((column, index) => {
      const letter = sheet.getColumn(index + 1).letter
      if (column.kind === 'date') sheet.getColumn(index + 1).numFmt = 'dd/mm/yyyy'
      if (column.choices) {
        listColumn += 1
        const labels = column.choices.codes.map((code) => choiceLabel(column, code, language))
        labels.forEach((label, i) => (lists.getCell(i + 1, listColumn).value = label))
        const listLetter = lists.getColumn(listColumn).letter
        // One validation for the column's range, with room for rows the user adds: a validation
        // per cell made a large export many times slower.
        rangeValidations(sheet).add(`${letter}2:${letter}${sheet.rowCount + 200}`, {
          type: 'list',
          allowBlank: !column.required,
          formulae: [`${LISTS_SHEET}!$${listLetter}$1:$${listLetter}$${labels.length}`],
        })
      }
      notes.addRow(noteRow(register, column, t, language))
    })
  }
  const bytes = await workbook.xlsx.writeBuffer()
  return Buffer.from(bytes as ArrayBuffer)
}

/** exceljs keeps a sheet's validations by address, ranges included, but does not type it. */
function rangeValidations(sheet: ExcelJS.Worksheet): {
  add: (range: string, validation: ExcelJS.DataValidation) => void
} {
  return (sheet as unknown as { dataValidations: ReturnType<typeof rangeValidations> })
    .dataValidations
}

/** A value as its cell holds it: labels for choices, Excel dates for dates, text for rates. */
function cellFor(column: RegisterColumn, value: string | number | null, language: Language) {
  if (value === null) return null
  if (column.choices) return choiceLabel(column, String(value), language)
  if (column.kind === 'date') return new Date(`${String(value)}T00:00:00Z`)
  return value
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
