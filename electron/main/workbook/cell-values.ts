import type ExcelJS from 'exceljs'
import type { Language } from '../../../shared/i18n/locale'
import type { MessageKey } from '../../../shared/i18n/messages/catalog'
import { type CurrencyCode, isCurrencyCode, minorUnits } from '../../../shared/money/currencies'
import { decimalOfNumber, minorToDecimalString, shiftDecimal } from '../../../shared/money/decimal'
import { parseAmount } from '../../../shared/money/parse'
import { isIsoDate } from '../../../shared/validation/dates'

/** A cell read as the type its column wants, or why it could not be. */
export type Read<T> =
  { ok: true; value: T } | { ok: false; key: MessageKey; params?: Record<string, string> }

const ok = <T>(value: T): Read<T> => ({ ok: true, value })
const refuse = (key: MessageKey, params?: Record<string, string>): Read<never> => ({
  ok: false,
  key,
  params,
})

/**
 * The plain value of a cell: a formula gives its stored result, rich text its text, a
 * hyperlink its text. Empty strings and blanks are null.
 */
export function plainValue(value: ExcelJS.CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value
  if (typeof value === 'object') {
    if ('result' in value) return plainValue((value.result ?? null) as ExcelJS.CellValue)
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('error' in value) return null
    return null
  }
  if (typeof value === 'string') return value.trim() === '' ? null : value
  return value
}

/**
 * The plain value of a cell, a number shown as a percentage read as the percentage people see:
 * 0.075 formatted `0.00%` is "7.5 %", as a percent column takes it (a percentage typed in Excel,
 * or the export's).
 */
export function shownValue(cell: {
  value: ExcelJS.CellValue
  numFmt?: string
}): ReturnType<typeof plainValue> {
  const value = plainValue(cell.value)
  return typeof value === 'number' && Number.isFinite(value) && isPercentFormat(cell.numFmt)
    ? `${shiftDecimal(decimalOfNumber(value), 2)} %`
    : value
}

/** Whether a number format shows a percentage: a % outside quoted text and escapes. */
function isPercentFormat(format: string | undefined): boolean {
  return !!format && format.replace(/"[^"]*"|\\./g, '').includes('%')
}

/** Text as typed (numbers as Excel shows them without formatting). */
export function readText(value: ReturnType<typeof plainValue>): Read<string | null> {
  if (value === null) return ok(null)
  if (value instanceof Date) return ok(value.toISOString().slice(0, 10))
  return ok(String(value).trim())
}

/**
 * How the workbook writes dates typed as text: day first (JJ/MM/AAAA, the template's, as in
 * French and British English) or month first (MM/DD/YYYY), as its Notes sheet declares.
 */
export type DateOrder = 'day_first' | 'month_first'

/**
 * A date from an Excel date, an Excel serial number, a date typed as text in the workbook's
 * declared order (day first unless it says otherwise) or AAAA-MM-JJ; a date that does not
 * exist (31/02) is refused.
 */
export function readDate(
  value: ReturnType<typeof plainValue>,
  order: DateOrder = 'day_first',
): Read<string | null> {
  if (value === null) return ok(null)
  if (value instanceof Date) return ok(value.toISOString().slice(0, 10))
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 2958465) return refuse('workbook.badDate')
    const day = new Date(Date.UTC(1899, 11, 30) + value * 86_400_000)
    return ok(day.toISOString().slice(0, 10))
  }
  const text = String(value).trim()
  const typed = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
  const [day, month] = order === 'day_first' ? [typed?.[1], typed?.[2]] : [typed?.[2], typed?.[1]]
  const iso = typed ? `${typed[3]}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}` : text
  return isIsoDate(iso) ? ok(iso) : refuse('workbook.badDate')
}

const CURRENCY_NAMES: Record<string, CurrencyCode | 'ambiguous'> = {
  '€': 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  $: 'USD',
  $us: 'USD',
  us$: 'USD',
  dollarus: 'USD',
  dollarsus: 'USD',
  dollaraméricain: 'USD',
  $ca: 'CAD',
  ca$: 'CAD',
  dollarcanadien: 'CAD',
  francsuisse: 'CHF',
  francssuisses: 'CHF',
  '£': 'GBP',
  livresterling: 'GBP',
  fcfa: 'ambiguous',
  cfa: 'ambiguous',
  francscfa: 'ambiguous',
  francfa: 'ambiguous',
}

/**
 * A currency from its ISO code or a common name (euro, $ US, franc suisse...). "FCFA" names
 * two currencies (XOF in West Africa, XAF in Central Africa): it is refused, never guessed.
 */
export function readCurrency(value: ReturnType<typeof plainValue>): Read<CurrencyCode | null> {
  if (value === null) return ok(null)
  const text = String(value).trim()
  if (isCurrencyCode(text.toUpperCase())) return ok(text.toUpperCase() as CurrencyCode)
  const key = text.toLowerCase().replace(/[\s.]/g, '')
  const known = CURRENCY_NAMES[key]
  if (known === 'ambiguous') return refuse('workbook.ambiguousCfa')
  if (known) return ok(known)
  return refuse('workbook.badCurrency')
}

/**
 * An amount in `currency` as a decimal string the core reads: typed French or English
 * (`1 234,56`, `1234.56`), with a currency word after it (`1 234 567 FCFA`), or an Excel number;
 * refused when it has more decimals than the currency has, never rounded.
 */
export function readAmount(
  value: ReturnType<typeof plainValue>,
  currency: CurrencyCode,
  language: Language,
): Read<string | null> {
  if (value === null) return ok(null)
  const digits = minorUnits(currency)
  if (typeof value === 'number') {
    const scaled = Math.round(value * 10 ** digits)
    if (Math.abs(scaled / 10 ** digits - value) > 1e-9 * Math.max(1, Math.abs(value))) {
      return refuse('workbook.tooManyDecimals', { currency, digits: String(digits) })
    }
    return ok(minorToDecimalString(scaled, digits))
  }
  const text = String(value)
    .trim()
    .replace(/\s*(€|[A-Za-z][A-Za-z .$]*|\$)$/u, '')
  const parsed = parseAmount(text, currency, language)
  if (parsed.ok) return ok(minorToDecimalString(parsed.value.minor, digits))
  if (parsed.error === 'too_many_decimals')
    return refuse('workbook.tooManyDecimals', { currency, digits: String(digits) })
  return refuse('workbook.badAmount')
}

/** A whole number (a population, a year). */
export function readInteger(value: ReturnType<typeof plainValue>): Read<number | null> {
  if (value === null) return ok(null)
  const number =
    typeof value === 'number' ? value : Number(String(value).replace(/[\s\u00a0\u202f]/g, ''))
  return Number.isInteger(number) ? ok(number) : refuse('workbook.badInteger')
}
