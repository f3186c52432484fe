import { locatedCells } from './csv-cells'
import {
  type ParsedRate,
  type ParsedRateFile,
  isCalendarDay,
  keptCurrency,
  rateFileFailure,
  readRateText,
} from './rate-text'

/**
 * The ECB's euro foreign exchange reference rates as published (eurofxref-hist.csv, or
 * eurofxref.csv for one day): a header `Date,USD,JPY,…` (often with a trailing comma), then one
 * line per day, newest first, each rate in units of the currency per euro, `N/A` where the ECB
 * did not quote the currency that day. Rates of currencies the application does not keep are
 * counted and left; any malformed date or rate refuses the whole file, located.
 */
export function readEcbCsv(fileName: string, lines: readonly string[]): ParsedRateFile {
  const header = locatedCells(fileName, lines[0] ?? '', 1, ',')
  const codes: (string | null)[] = []
  const seen = new Set<string>()
  for (const cell of header.slice(1)) {
    const place = { line: 1, column: cell.column }
    if (cell.text === '') {
      codes.push(null)
      continue
    }
    if (!/^[A-Z]{3}$/.test(cell.text))
      throw rateFileFailure(fileName, place, 'rates.file.badCurrency', { value: cell.text })
    if (seen.has(cell.text))
      throw rateFileFailure(fileName, place, 'rates.file.repeatedCurrency', { value: cell.text })
    seen.add(cell.text)
    codes.push(cell.text)
  }
  const rates: ParsedRate[] = []
  const days = new Set<string>()
  let skipped = 0
  for (let index = 1; index < lines.length; index += 1) {
    const line = index + 1
    const text = lines[index] ?? ''
    if (text.trim() === '') continue
    const [dateCell, ...values] = locatedCells(fileName, text, line, ',')
    const day = dateCell?.text ?? ''
    if (!isCalendarDay(day))
      throw rateFileFailure(fileName, { line, column: 1 }, 'rates.file.badDate', { value: day })
    if (days.has(day))
      throw rateFileFailure(fileName, { line, column: 1 }, 'rates.file.repeatedDate', {
        value: day,
      })
    days.add(day)
    values.forEach((cell, position) => {
      const place = { line, column: cell.column }
      if (position >= codes.length) {
        if (cell.text === '') return
        throw rateFileFailure(fileName, place, 'rates.file.extraCell', { value: cell.text })
      }
      const code = codes[position] ?? null
      if (cell.text === '' || cell.text === 'N/A') {
        if (code !== null) skipped += 1
        return
      }
      if (code === null)
        throw rateFileFailure(fileName, place, 'rates.file.extraCell', { value: cell.text })
      const rate = readRateText(cell.text)
      if (rate === null)
        throw rateFileFailure(fileName, place, 'rates.file.badRate', { value: cell.text })
      const currency = keptCurrency(code)
      if (currency === null) skipped += 1
      else rates.push({ currency, rateDate: day, rate, ...place })
    })
  }
  if (days.size === 0) throw rateFileFailure(fileName, { line: 2, column: 1 }, 'rates.file.empty')
  return { kind: 'ecb-csv', rates, skipped }
}
