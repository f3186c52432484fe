import { type Kysely, sql } from 'kysely'
import { RECORD_COLUMNS_SQL } from './0001-initial'
import type { Migration } from './migration'

/**
 * Overhead recovery (issue 27): the indirect costs an agreement allows (a rate of its eligible
 * direct costs) moved from the agreement to the untied fund. Each posting is a record; its money
 * is in the ledger (an `expense` of the agreement and `other_income` of the untied fund, both
 * sourced from the record). A correction cancels postings (soft delete + reversing entries) and
 * posts anew: a posting is never changed.
 */
export const overheadRecoveries: Migration = {
  version: 16,
  name: '0016-overhead-recoveries',
  async up(db: Kysely<unknown>) {
    const record = sql.raw(RECORD_COLUMNS_SQL)
    await sql`
      CREATE TABLE overhead_recoveries (
        ${record},
        agreement_id TEXT NOT NULL REFERENCES agreements (id),
        posted_on TEXT NOT NULL,
        rate_bp INTEGER NOT NULL CHECK (rate_bp > 0 AND rate_bp <= 10000),
        base_minor INTEGER NOT NULL CHECK (base_minor >= 0),
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL,
        eur_minor INTEGER NOT NULL CHECK (eur_minor >= 0),
        rate TEXT NOT NULL,
        note TEXT,
        cancel_reason TEXT
      )`.execute(db)
    await sql`
      CREATE INDEX overhead_recoveries_by_agreement
        ON overhead_recoveries (agreement_id, posted_on)`.execute(db)
  },
}
