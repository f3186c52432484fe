import type ExcelJS from 'exceljs'
import type { Language } from '@shared/i18n/locale'
import { INTL_LOCALE } from '@shared/i18n/locale'
import { parseDecimal, shiftDecimal } from '@shared/money/decimal'
import { choiceLabel, type RegisterColumn } from './register'
import { decimalsFormat, PERCENT_FORMAT } from './xlsx-style'

/** How the registers' dates are written, whatever the language. */
export const DATE_FORMAT = 'dd/mm/yyyy'

/** A cell of the export: its value and its style. */
export interface ExportCell {
  value: string | number | Date | null
  style: Partial<ExcelJS.Style>
}

/**
 * No style of its own: the workbook's default, whose font is named in full (a cell given one
 * would be written even when empty).
 */
const PLAIN: Partial<ExcelJS.Style> = {}

/**
 * How a column's values are written: labels for choices, Excel dates for dates, amounts and
 * rates as numbers with a format of their decimals, percentages as percentages — each exactly
 * what the import reads back, or as text where a number would not be (an amount beyond what a
 * double holds to the cent, a rate written with a trailing zero).
 */
export function cellWriter(
  column: RegisterColumn,
  language: Language,
): (value: string | number | null) => ExportCell {
  const styles = new Map<string, Partial<ExcelJS.Style>>()
  // One style object per format, shared by its cells: exceljs recognises a style it has seen
  // by the object, and otherwise registers each cell's copy anew (most of an export's time).
  const styled = (numFmt: string) => {
    let style = styles.get(numFmt)
    if (!style) {
      style = { numFmt }
      styles.set(numFmt, style)
    }
    return style
  }
  const none: ExportCell = { value: null, style: PLAIN }
  if (column.choices) {
    // Each choice's label looked up once per export, not once per cell.
    const labels = new Map(
      column.choices.codes.map((code) => [code, choiceLabel(column, code, language)]),
    )
    return (value) => {
      if (value === null) return none
      const label = labels.get(String(value)) ?? choiceLabel(column, String(value), language)
      return { value: label, style: PLAIN }
    }
  }
  switch (column.kind) {
    case 'date':
      return (value) =>
        value === null
          ? none
          : { value: new Date(`${String(value)}T00:00:00Z`), style: styled(DATE_FORMAT) }
    case 'amount':
    case 'rate':
      return (value) => {
        if (value === null) return none
        const text = String(value)
        const number = exactNumber(text, column.kind === 'rate' ? 'rate' : 'amount')
        if (number === null) return { value: text, style: PLAIN }
        const decimals = text.split('.')[1]?.length ?? 0
        return { value: number, style: styled(decimalsFormat(decimals)) }
      }
    case 'percent':
      return (value) => {
        if (value === null) return none
        const text = String(value)
        if (!parseDecimal(text)) return { value: text, style: PLAIN }
        return { value: Number(shiftDecimal(text, -2)), style: styled(PERCENT_FORMAT) }
      }
    default:
      return (value) => (value === null ? none : { value, style: PLAIN })
  }
}

/**
 * How a column's value reads in the spreadsheet, for the column's width: amounts and rates with
 * the reader's thousands separators, percentages with their sign, choices by their label.
 */
export function cellShown(
  column: RegisterColumn,
  language: Language,
): (value: string | number | null) => string {
  const grouped = new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits: 20 })
  const number = (value: string | number) =>
    parseDecimal(String(value))
      ? grouped.format(String(value) as Intl.StringNumericLiteral)
      : String(value)
  if (column.choices)
    return (value) => (value === null ? '' : choiceLabel(column, String(value), language))
  switch (column.kind) {
    case 'date':
      return (value) => (value === null ? '' : '31/12/2025')
    case 'amount':
    case 'rate':
      return (value) => (value === null ? '' : number(value))
    case 'percent':
      return (value) => (value === null ? '' : `${number(value)} %`)
    default:
      return (value) => (value === null ? '' : String(value))
  }
}

/**
 * The number a decimal string is, when the import reads it back as the same string: a rate as
 * the number's shortest writing ("1.10" would come back "1.1"), an amount scaled to its
 * decimals ("1234.50" as 123450 cents). Null otherwise.
 */
export function exactNumber(text: string, kind: 'amount' | 'rate'): number | null {
  if (!PLAIN_DECIMAL.test(text)) return null
  const number = Number(text)
  if (kind === 'rate') return String(number) === text ? number : null
  // Its digits as one integer (exact while it is a safe one) against the number scaled back.
  const point = text.indexOf('.')
  const scale = point < 0 ? 0 : text.length - point - 1
  const digits = Number(point < 0 ? text : text.slice(0, point) + text.slice(point + 1))
  return Number.isSafeInteger(digits) && Math.round(number * 10 ** scale) === digits ? number : null
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/
