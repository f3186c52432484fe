import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration'

/**
 * Rate series side by side (issue 27): each rate belongs to one series — the rates typed in
 * (the bank's, as before: every existing rate), the ECB's reference rates, or the Commission's
 * InforEuro monthly rates — so that a funder's rule can ask for the rate of its own series, and
 * an imported file never overwrites the bank's rate of the same day.
 */
export const rateSeries: Migration = {
  version: 13,
  name: '0013-rate-series',
  async up(db: Kysely<unknown>) {
    await sql`
      ALTER TABLE exchange_rates ADD COLUMN series TEXT NOT NULL DEFAULT 'bank'
        CHECK (series IN ('bank', 'ecb', 'inforeuro'))`.execute(db)
    await sql`
      CREATE INDEX exchange_rates_by_series ON exchange_rates (currency, series, rate_date)`.execute(
      db,
    )
  },
}
