import { type Kysely, sql } from 'kysely'
import { RECORD_COLUMNS_SQL } from './0001-initial'
import type { Migration } from './migration'

/** Untied income outside agreements and dues: bank interest, refunds, sales... */
export const otherIncome: Migration = {
  version: 4,
  name: '0004-other-income',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE other_income (
        ${sql.raw(RECORD_COLUMNS_SQL)},
        received_on TEXT NOT NULL,
        label TEXT NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL,
        eur_minor INTEGER NOT NULL,
        rate TEXT NOT NULL,
        note TEXT
      )`.execute(db)
  },
}
