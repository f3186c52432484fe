import { type Kysely, sql } from 'kysely'
import { RECORD_COLUMNS_SQL } from './0001-initial'
import type { Migration } from './migration'

/**
 * The closing of an agreement (issue 27):
 * - `agreement_contributions`: the co-financing brought to an agreement's action besides its
 *   funder's money — cash (eligible costs borne by others) or in kind (volunteer time, premises
 *   lent: counted towards the co-financing, never among the eligible costs);
 * - `agreement_closings`: the closing statement as it was established (eligible costs, the
 *   funder's share, the final amount due, what was received, the refund), kept as figures so
 *   that the statement sent stays what it was; its refund is a ledger entry whose source is the
 *   closing. Reopening archives the closing and reverses that entry, with the reason.
 */
export const agreementClosing: Migration = {
  version: 17,
  name: '0017-agreement-closing',
  async up(db: Kysely<unknown>) {
    const record = sql.raw(RECORD_COLUMNS_SQL)
    await sql`
      CREATE TABLE agreement_contributions (
        ${record},
        agreement_id TEXT NOT NULL REFERENCES agreements (id),
        kind TEXT NOT NULL CHECK (kind IN ('cash', 'in_kind')),
        contributed_on TEXT NOT NULL,
        contributor TEXT NOT NULL,
        description TEXT NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL,
        note TEXT
      )`.execute(db)
    await sql`CREATE INDEX agreement_contributions_agreement
      ON agreement_contributions (agreement_id)`.execute(db)
    await sql`
      CREATE TABLE agreement_closings (
        ${record},
        agreement_id TEXT NOT NULL REFERENCES agreements (id),
        closed_on TEXT NOT NULL,
        currency TEXT NOT NULL,
        ceiling_minor INTEGER NOT NULL,
        eligible_minor INTEGER NOT NULL,
        ineligible_minor INTEGER NOT NULL,
        cash_cofinancing_minor INTEGER NOT NULL,
        in_kind_minor INTEGER NOT NULL,
        funder_share_bp INTEGER,
        final_due_minor INTEGER NOT NULL,
        received_minor INTEGER NOT NULL,
        refund_minor INTEGER NOT NULL CHECK (refund_minor >= 0),
        refund_eur_minor INTEGER NOT NULL,
        refund_rate TEXT NOT NULL,
        note TEXT,
        reopen_reason TEXT
      )`.execute(db)
    await sql`CREATE INDEX agreement_closings_agreement
      ON agreement_closings (agreement_id)`.execute(db)
  },
}
