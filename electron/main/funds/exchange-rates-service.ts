import type { Selectable } from 'kysely'
import type { DataFile } from '../db/data-file'
import type { ExchangeRatesTable } from '../db/schema'
import { AppFailure, fieldFailure } from '../failure'
import type { ExchangeRate, RateFields } from '@shared/funds/schema'
import type { RateSeries } from '@shared/funds/rate-series'
import { BASE_CURRENCY, type CurrencyCode } from '@shared/money/currencies'
import { FIXED_PARITIES, fixedParity, parseRate } from '@shared/money/exchange'

/** A rate found for a conversion, and where it comes from, so that every conversion says which. */
export interface AppliedRate {
  rate: string
  /** The day the rate is for; null for the euro itself and for fixed parities. */
  rateDate: string | null
  source: string
}

export const FIXED_PARITY_SOURCE = 'Parité fixe'

/**
 * Exchange rates to the euro: dated, with their source (InforEuro, the bank...). XOF and XAF are
 * fixed by treaty and cannot be entered. A conversion uses the rate of the day, or the latest
 * one before it.
 */
export class ExchangeRatesService {
  constructor(private readonly file: DataFile) {}

  async list(
    currency?: CurrencyCode,
    series?: RateSeries,
    latest?: number,
  ): Promise<ExchangeRate[]> {
    let query = this.file.db
      .selectFrom('exchange_rates')
      .selectAll()
      .where('deleted_at', 'is', null)
    if (currency) query = query.where('currency', '=', currency)
    if (series) query = query.where('series', '=', series)
    const rows = await (
      latest
        ? query.orderBy('rate_date', 'desc').orderBy('currency').limit(latest)
        : query.orderBy('currency').orderBy('rate_date', 'desc')
    ).execute()
    const fixed: ExchangeRate[] = Object.entries(FIXED_PARITIES)
      .filter(([code]) => !currency || code === currency)
      .map(([code, rate]) => ({
        id: `fixed-${code}`,
        currency: code as CurrencyCode,
        rateDate: '1999-01-01',
        rate: rate ?? '',
        source: FIXED_PARITY_SOURCE,
        series: 'bank' as const,
        fixed: true,
      }))
    return [...fixed, ...rows.map(toRate)]
  }

  async add(
    input: Omit<RateFields, 'series'> & { series?: RateSeries },
    author: string,
  ): Promise<ExchangeRate> {
    const series = input.series ?? 'bank'
    if (input.currency === BASE_CURRENCY)
      throw fieldFailure('VALIDATION', 'currency', 'validation.rateForEuro')
    if (fixedParity(input.currency))
      throw fieldFailure('VALIDATION', 'currency', 'validation.rateFixed')
    if (!parseRate(input.rate)) throw fieldFailure('VALIDATION', 'rate', 'validation.rate')
    const id = await this.file.write(author, async (writer) => {
      const clash = await writer.trx
        .selectFrom('exchange_rates')
        .select('id')
        .where('currency', '=', input.currency)
        .where('rate_date', '=', input.rateDate)
        .where('series', '=', series)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      if (clash) throw fieldFailure('CONFLICT', 'rateDate', 'errors.rateExists')
      return writer.insert('exchange_rates', {
        currency: input.currency,
        rate_date: input.rateDate,
        rate: input.rate,
        source: input.source,
        series,
      })
    })
    const row = await this.file.db
      .selectFrom('exchange_rates')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    return toRate(row)
  }

  /** Withdraws a rate typed by mistake; conversions already made keep the rate they used. */
  async archive(id: string, author: string): Promise<void> {
    await this.file.write(author, async (writer) => {
      const row = await writer.trx
        .selectFrom('exchange_rates')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row) throw new AppFailure('NOT_FOUND')
      await writer.archive('exchange_rates', id)
    })
  }

  /**
   * The rate to use for a currency on a day: the euro's own, the fixed parity, or the latest
   * dated one of the series (the bank's unless a rule asks for another).
   */
  async rateOn(
    currency: CurrencyCode,
    day: string,
    db: DataFile['db'] = this.file.db,
    series: RateSeries = 'bank',
  ): Promise<AppliedRate | null> {
    if (currency === BASE_CURRENCY) return { rate: '1', rateDate: null, source: BASE_CURRENCY }
    const fixed = fixedParity(currency)
    if (fixed) return { rate: fixed, rateDate: null, source: FIXED_PARITY_SOURCE }
    const row = await db
      .selectFrom('exchange_rates')
      .select(['rate', 'rate_date', 'source'])
      .where('currency', '=', currency)
      .where('rate_date', '<=', day)
      .where('series', '=', series)
      .where('deleted_at', 'is', null)
      .orderBy('rate_date', 'desc')
      .limit(1)
      .executeTakeFirst()
    return row ? { rate: row.rate, rateDate: row.rate_date, source: row.source } : null
  }
}

function toRate(row: Selectable<ExchangeRatesTable>): ExchangeRate {
  return {
    id: row.id,
    currency: row.currency as CurrencyCode,
    rateDate: row.rate_date,
    rate: row.rate,
    source: row.source,
    series: row.series,
    fixed: false,
  }
}
