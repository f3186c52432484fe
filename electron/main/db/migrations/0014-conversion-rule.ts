import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration'

/**
 * The conversion rule of each agreement (issue 27): the rate its contract says spending is
 * reported at (see shared/funds/conversion-rule.ts). Every existing agreement keeps the bank's
 * rate of the day, so no figure already sent changes.
 */
export const conversionRule: Migration = {
  version: 14,
  name: '0014-conversion-rule',
  async up(db: Kysely<unknown>) {
    await sql`
      ALTER TABLE agreements ADD COLUMN conversion_rule TEXT NOT NULL DEFAULT 'day_rate'
        CHECK (conversion_rule IN ('day_rate', 'inforeuro_month', 'receipts_average', 'receipts_fifo'))`.execute(
      db,
    )
  },
}
