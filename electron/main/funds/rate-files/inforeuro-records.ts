import type { RateFileKind } from '@shared/funds/rate-series'
import { shiftDecimal } from '@shared/money/decimal'
import {
  type ParsedRate,
  type ParsedRateFile,
  type Place,
  isCalendarDay,
  keptCurrency,
  normalName,
  rateFileFailure,
  readRateText,
} from './rate-text'

/** A value of an InforEuro line (a CSV cell or an XML element) and where it stands. */
export interface Located extends Place {
  text: string
}

/** One line of InforEuro's monthly table: a country's currency and its rate for the month. */
export interface InforEuroRecord {
  code: Located
  value: Located
  month: Located | null
}

/** The names InforEuro gives its columns (CSV) or elements (XML), and their usual variants. */
const CODE_NAMES = new Set([
  'isoa3code',
  'isoa3',
  'isocode',
  'currencycode',
  'codeiso',
  'codeisoa3',
  'iso',
])
const VALUE_NAMES = new Set(['value', 'rate', 'eurorate', 'taux', 'valeur', 'amount'])
const MONTH_NAMES = new Set(['month', 'period', 'periode', 'mois', 'date'])

export type InforEuroField = 'code' | 'value' | 'month'

export function inforEuroField(name: string): InforEuroField | null {
  const normal = normalName(name)
  if (CODE_NAMES.has(normal)) return 'code'
  if (VALUE_NAMES.has(normal)) return 'value'
  if (MONTH_NAMES.has(normal)) return 'month'
  return null
}

/**
 * InforEuro publishes one table a month: the rate of every country's currency (several
 * countries share USD, XOF or the euro, with the same rate), valid for the whole month. A rate
 * is dated the first day of its month, the month the file says or, if it does not say, the one
 * the user chose. Two different rates for one currency and month refuse the file.
 */
export function inforEuroRates(
  fileName: string,
  kind: RateFileKind,
  records: readonly InforEuroRecord[],
  chosenMonth: string | undefined,
): ParsedRateFile {
  if (records.length === 0)
    throw rateFileFailure(fileName, { line: 1, column: 1 }, 'rates.file.empty')
  const rates = new Map<string, ParsedRate>()
  let skipped = 0
  for (const record of records) {
    const month = record.month ? monthOf(fileName, record.month) : chosenMonth
    if (!month) throw rateFileFailure(fileName, record.code, 'rates.file.noMonth')
    const code = record.code.text.toUpperCase()
    if (!/^[A-Z]{3}$/.test(code)) {
      // A country without a currency code of its own (a blank line of the table) is left.
      if (code === '') {
        skipped += 1
        continue
      }
      throw rateFileFailure(fileName, record.code, 'rates.file.badCurrency', { value: code })
    }
    const rate = readRateText(record.value.text)
    if (rate === null) {
      if (record.value.text === '' || record.value.text.toUpperCase() === 'N/A') {
        skipped += 1
        continue
      }
      throw rateFileFailure(fileName, record.value, 'rates.file.badRate', {
        value: record.value.text,
      })
    }
    const currency = keptCurrency(code)
    if (currency === null) {
      skipped += 1
      continue
    }
    const rateDate = `${month}-01`
    const key = `${currency} ${rateDate}`
    const earlier = rates.get(key)
    if (earlier && shiftDecimal(earlier.rate, 0) !== shiftDecimal(rate, 0))
      throw rateFileFailure(fileName, record.value, 'rates.file.twoRates', {
        value: rate,
        currency,
        other: earlier.rate,
      })
    if (earlier) skipped += 1
    else
      rates.set(key, {
        currency,
        rateDate,
        rate,
        line: record.value.line,
        column: record.value.column,
      })
  }
  return { kind, rates: [...rates.values()], skipped }
}

/** The month of a cell: "2024-03", "03/2024", "2024-03-01" or "01/03/2024". */
function monthOf(fileName: string, cell: Located): string {
  const text = cell.text.trim()
  let month: string | null = null
  const iso = /^(\d{4})-(\d{2})(-\d{2})?$/.exec(text)
  const french = /^(?:\d{2}\/)?(\d{2})\/(\d{4})$/.exec(text)
  if (iso) month = `${iso[1]}-${iso[2]}`
  else if (french) month = `${french[2]}-${french[1]}`
  if (!month || !isCalendarDay(`${month}-01`))
    throw rateFileFailure(fileName, cell, 'rates.file.badMonth', { value: text })
  return month
}
