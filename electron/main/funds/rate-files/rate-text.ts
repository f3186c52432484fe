import { AppFailure } from '../../failure'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { type CurrencyCode, BASE_CURRENCY, isCurrencyCode } from '@shared/money/currencies'
import { fixedParity, parseRate } from '@shared/money/exchange'
import type { RateFileKind } from '@shared/funds/rate-series'

/** Bounds on a rate file, which comes from outside: the ECB's whole history is about 2 MB. */
export const MAX_RATE_FILE_BYTES = 16 * 1024 * 1024
export const MAX_RATE_LINES = 200_000
export const MAX_CELLS_PER_LINE = 400

/** One rate read from a file, with where it stands in it (1-based line and column). */
export interface ParsedRate {
  currency: CurrencyCode
  rateDate: string
  rate: string
  line: number
  column: number
}

export interface ParsedRateFile {
  kind: RateFileKind
  rates: ParsedRate[]
  /** Quotes of currencies the application does not keep (or fixed, or the euro), and N/A. */
  skipped: number
}

/** Where a problem stands in the file, for a message the user can act on. */
export interface Place {
  line: number
  column: number
}

/** A refusal of the whole file, naming the file, the line and the column. */
export function rateFileFailure(
  fileName: string,
  place: Place,
  key: MessageKey,
  params: Record<string, string | number> = {},
): AppFailure {
  return new AppFailure('VALIDATION', key, {
    file: fileName,
    line: place.line,
    column: place.column,
    // A value quoted from the file is shown short and on one line, whatever the file holds.
    ...Object.fromEntries(
      Object.entries(params).map(([name, value]) => [
        name,
        typeof value === 'string' ? shown(value) : value,
      ]),
    ),
  })
}

function shown(value: string): string {
  // eslint-disable-next-line no-control-regex -- the point: a file's control characters never reach a message
  const plain = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
  return plain.length > 40 ? `${plain.slice(0, 40)}…` : plain
}

/** The file's text: UTF-8 (its BOM dropped), or Windows-1252 as spreadsheets save CSV in Europe. */
export function decodeRateFile(bytes: Uint8Array): string {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes)
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/)
}

/** A currency code as written in a file is one the application keeps conversions for. */
export function keptCurrency(code: string): CurrencyCode | null {
  if (!isCurrencyCode(code) || code === BASE_CURRENCY || fixedParity(code)) return null
  return code
}

/** A rate as published, the decimal comma of French spreadsheets accepted: "1,0823" → "1.0823". */
export function readRateText(text: string): string | null {
  const plain = /^\d+,\d+$/.test(text) ? text.replace(',', '.') : text
  return parseRate(plain) ? plain : null
}

/** A real calendar day written YYYY-MM-DD. */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** A header name or XML tag reduced to its letters and digits: "ISO A3 code" → "isoa3code". */
export function normalName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '')
}
