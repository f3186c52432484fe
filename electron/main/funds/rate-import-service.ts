import { basename } from 'node:path'
import type { DataFile } from '../db/data-file'
import { readRateFile } from './rate-files/rate-file'
import type { ParsedRate } from './rate-files/rate-text'
import { type RateImportReport, type RateSetAside, SERIES_OF_KIND } from '@shared/funds/rate-series'
import { shiftDecimal } from '@shared/money/decimal'
import { today } from '@shared/validation/dates'

/** How many set-aside rates the report lists one by one; the count says the rest. */
const LISTED_SET_ASIDE = 50

/**
 * Imports a rate file into its series (ECB or InforEuro), in one transaction: each rate
 * written with the file it came from as its source; a rate already recorded with the same value
 * left as it is (importing a file twice changes nothing); a rate recorded with another value
 * kept and the file's set aside, listed with its place in the file. A refused file writes nothing.
 */
export async function importRateFile(
  file: DataFile,
  path: string,
  chosenMonth: string | undefined,
  author: string,
): Promise<RateImportReport> {
  const fileName = basename(path)
  const parsed = await readRateFile(path, chosenMonth)
  const series = SERIES_OF_KIND[parsed.kind]
  const source = `${fileName} (${today()})`
  const report: RateImportReport = {
    fileName,
    kind: parsed.kind,
    series,
    imported: 0,
    unchanged: 0,
    skipped: parsed.skipped,
    setAside: [],
    setAsideCount: 0,
    firstDate: null,
    lastDate: null,
  }
  if (parsed.rates.length === 0) return report
  await file.write(author, async (writer) => {
    const recorded = new Map<string, string>()
    const rows = await writer.trx
      .selectFrom('exchange_rates')
      .select(['currency', 'rate_date', 'rate'])
      .where('series', '=', series)
      .where('deleted_at', 'is', null)
      .execute()
    for (const row of rows) recorded.set(`${row.currency} ${row.rate_date}`, row.rate)
    for (const rate of parsed.rates) {
      const known = recorded.get(`${rate.currency} ${rate.rateDate}`)
      if (known !== undefined) {
        if (shiftDecimal(known, 0) === shiftDecimal(rate.rate, 0)) report.unchanged += 1
        else setAside(report, rate, known)
        continue
      }
      await writer.insert('exchange_rates', {
        currency: rate.currency,
        rate_date: rate.rateDate,
        rate: rate.rate,
        source,
        series,
      })
      recorded.set(`${rate.currency} ${rate.rateDate}`, rate.rate)
      report.imported += 1
      if (!report.firstDate || rate.rateDate < report.firstDate) report.firstDate = rate.rateDate
      if (!report.lastDate || rate.rateDate > report.lastDate) report.lastDate = rate.rateDate
    }
  })
  return report
}

function setAside(report: RateImportReport, rate: ParsedRate, recorded: string): void {
  report.setAsideCount += 1
  if (report.setAside.length >= LISTED_SET_ASIDE) return
  const entry: RateSetAside = {
    line: rate.line,
    column: rate.column,
    currency: rate.currency,
    rateDate: rate.rateDate,
    rate: rate.rate,
    recorded,
  }
  report.setAside.push(entry)
}
