import type { Language } from '@shared/i18n/locale'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { type CurrencyCode, isCurrencyCode, minorUnits } from '@shared/money/currencies'
import { minorToDecimalString } from '@shared/money/decimal'
import { MAX_MINOR } from '@shared/money/money'
import { parseAmount } from '@shared/money/parse'
import { isIsoDate } from '@shared/validation/dates'
import type { CellValue, ExcelDate } from './workbook-reader'

/** A cell read as the type its column wants, or why it could not be. */
export type Read<T> =
  { ok: true; value: T } | { ok: false; key: MessageKey; params?: Record<string, string> }

const ok = <T>(value: T): Read<T> => ({ ok: true, value })
const refuse = (key: MessageKey, params?: Record<string, string>): Read<never> => ({
  ok: false,
  key,
  params,
})

function isExcelDate(value: CellValue): value is ExcelDate {
  return typeof value === 'object' && value !== null
}

/** What a cell says as text: a date cell as its day (AAAA-MM-JJ), anything else as typed. */
export function cellText(value: CellValue): string {
  if (value === null) return ''
  if (isExcelDate(value)) return dayOfSerial(value.excelDate) ?? String(value.excelDate)
  return String(value)
}

/** Text as typed (numbers as Excel shows them without formatting). */
export function readText(value: CellValue): Read<string | null> {
  if (value === null) return ok(null)
  return ok(cellText(value).trim())
}

/**
 * How the workbook writes dates typed as text: day first (JJ/MM/AAAA, the template's, as in
 * French and British English) or month first (MM/DD/YYYY), as its Notes sheet declares.
 */
export type DateOrder = 'day_first' | 'month_first'

/** The days a workbook's dates may fall on, both included (AAAA-MM-JJ). */
export interface DateRange {
  from: string
  to: string
}

/**
 * The days any workbook's dates may be: what Excel's day numbers can say (its calendar starts
 * in 1900) up to the end of the century. A workbook's Notes sheet may narrow or widen its own
 * range within these.
 */
export const DATE_LIMITS: DateRange = { from: '1900-01-01', to: '2100-12-31' }

/**
 * The dates a workbook takes unless its Notes sheet says otherwise: no record of the
 * secretariat is older than 1950, and a date beyond 2100 is a typing slip (31/12/9999).
 */
export const DEFAULT_DATE_RANGE: DateRange = { from: '1950-01-01', to: '2100-12-31' }

export interface DateReading {
  order: DateOrder
  range: DateRange
}

const DEFAULT_READING: DateReading = { order: 'day_first', range: DEFAULT_DATE_RANGE }

const DAY_MS = 86_400_000
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)
const LAST_SERIAL = Math.round((Date.parse(`${DATE_LIMITS.to}T00:00:00Z`) - EXCEL_EPOCH) / DAY_MS)

/**
 * The day of an Excel day number (its time of day left out), within {@link DATE_LIMITS}; null
 * outside them. Excel counts a 29 February 1900 that never was: day 60 is refused and the days
 * before it are one off.
 */
export function dayOfSerial(serial: number): string | null {
  const day = Math.floor(serial)
  if (!Number.isFinite(day) || day < 1 || day > LAST_SERIAL || day === 60) return null
  // A workbook's dates fall on a few thousand days: each is written once (a sheet of 35,000
  // expenses made a date object and its text per cell).
  const known = DAYS_WRITTEN.get(day)
  if (known !== undefined) return known
  const text = new Date(EXCEL_EPOCH + (day < 60 ? day + 1 : day) * DAY_MS)
    .toISOString()
    .slice(0, 10)
  if (DAYS_WRITTEN.size >= MAX_DAYS_WRITTEN) DAYS_WRITTEN.clear()
  DAYS_WRITTEN.set(day, text)
  return text
}

/** The days {@link dayOfSerial} has written, by serial number (at most {@link MAX_DAYS_WRITTEN}). */
const DAYS_WRITTEN = new Map<number, string>()
/** About thirty years of days. */
const MAX_DAYS_WRITTEN = 11_000

/**
 * A date from an Excel date, an Excel day number, a date typed as text in the workbook's
 * declared order (day first unless it says otherwise) or AAAA-MM-JJ; a date that does not
 * exist (31/02), and a date outside the workbook's range, are refused.
 */
export function readDate(
  value: CellValue,
  reading: DateReading = DEFAULT_READING,
): Read<string | null> {
  if (value === null) return ok(null)
  const day = dayOf(value, reading.order)
  if (day === null) return refuse('workbook.badDate')
  const { from, to } = reading.range
  if (day < from || day > to) {
    return refuse('workbook.dateOutOfRange', { from: frenchDay(from), to: frenchDay(to) })
  }
  return ok(day)
}

function dayOf(value: Exclude<CellValue, null>, order: DateOrder): string | null {
  if (isExcelDate(value)) return dayOfSerial(value.excelDate)
  // A plain number is a day number typed in a cell without a date format: never a fraction.
  if (typeof value === 'number') return Number.isInteger(value) ? dayOfSerial(value) : null
  if (typeof value === 'boolean') return null
  const text = value.trim()
  const typed = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
  if (typed) {
    const [day, month] = order === 'day_first' ? [typed[1], typed[2]] : [typed[2], typed[1]]
    const iso = `${typed[3]}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`
    return isIsoDate(iso) ? iso : null
  }
  // AAAA-MM-JJ, also with a time after it (an ISO date cell): the day is what counts.
  const iso =
    /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    )?.[1]
  return iso && isIsoDate(iso) ? iso : null
}

/** A day as the Notes sheet and the messages write it: JJ/MM/AAAA. */
export function frenchDay(iso: string): string {
  const [year, month, day] = iso.split('-')
  return `${day}/${month}/${year}`
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
export function readCurrency(value: CellValue): Read<CurrencyCode | null> {
  if (value === null) return ok(null)
  if (typeof value !== 'string') return refuse('workbook.badCurrency')
  const text = value.trim()
  if (isCurrencyCode(text.toUpperCase())) return ok(text.toUpperCase() as CurrencyCode)
  const key = text.toLowerCase().replace(/[\s.]/g, '')
  const known = CURRENCY_NAMES[key]
  if (known === 'ambiguous') return refuse('workbook.ambiguousCfa')
  if (known) return ok(known)
  return refuse('workbook.badCurrency')
}

/**
 * An amount in `currency` as a decimal string the core reads: typed French or English
 * (`1 234,56`, `1234.56`), with a currency word after it (`1 234 567 FCFA`, `1 234 567 F CFA (BCEAO)`), or an Excel number;
 * refused when it has more decimals than the currency has, never rounded.
 */
export function readAmount(
  value: CellValue,
  currency: CurrencyCode,
  language: Language,
): Read<string | null> {
  if (value === null) return ok(null)
  // A date or a yes/no in an amount's cell is a slip, not an amount (a day number is not money).
  if (typeof value === 'boolean' || isExcelDate(value)) return refuse('workbook.badAmount')
  const digits = minorUnits(currency)
  if (typeof value === 'number') {
    const scaled = Math.round(value * 10 ** digits)
    if (!Number.isSafeInteger(scaled) || Math.abs(scaled) > MAX_MINOR)
      return refuse('workbook.badAmount')
    if (Math.abs(scaled / 10 ** digits - value) > 1e-9 * Math.max(1, Math.abs(value))) {
      return refuse('workbook.tooManyDecimals', { currency, digits: String(digits) })
    }
    return ok(minorToDecimalString(scaled, digits))
  }
  const text = value.trim().replace(/\s*(€|[A-Za-z][A-Za-z .$()]*|\$)$/u, '')
  const parsed = parseAmount(text, currency, language)
  if (parsed.ok) return ok(minorToDecimalString(parsed.value.minor, digits))
  if (parsed.error === 'too_many_decimals')
    return refuse('workbook.tooManyDecimals', { currency, digits: String(digits) })
  return refuse('workbook.badAmount')
}

/** A whole number (a population, a year). */
export function readInteger(value: CellValue): Read<number | null> {
  if (value === null) return ok(null)
  if (typeof value === 'boolean' || isExcelDate(value)) return refuse('workbook.badInteger')
  const number = typeof value === 'number' ? value : Number(value.replace(/[\s\u00a0\u202f]/g, ''))
  return Number.isSafeInteger(number) ? ok(number) : refuse('workbook.badInteger')
}

/**
 * A decimal number as its column's text (a rate: units per euro; a percentage): typed with a
 * comma or a point, or an Excel number. The contract then checks its digits and range.
 */
export function readDecimal(value: CellValue, unit: '%' | null): Read<string | null> {
  if (value === null) return ok(null)
  if (typeof value === 'boolean' || isExcelDate(value)) return refuse('workbook.badNumber')
  const text = typeof value === 'number' ? numberText(value) : value.trim()
  const plain = (unit ? text.replace(/\s*%$/, '') : text).trim().replace(',', '.')
  return /^-?\d+(\.\d+)?$/.test(plain) ? ok(plain) : refuse('workbook.badNumber')
}

/** A number as plain decimal text, never in exponent notation (1e-7 → 0.0000001). */
function numberText(value: number): string {
  const text = String(value)
  if (!/e/i.test(text)) return text
  return value.toFixed(20).replace(/\.?0+$/, '')
}
