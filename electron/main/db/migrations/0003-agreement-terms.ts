import { type Kysely, sql } from 'kysely'
import { RECORD_COLUMNS_SQL } from './0001-initial'
import type { Migration } from './migration'

/**
 * What an agreement asks besides money: the reports due to the funder, the instalments the
 * funder plans to pay (échéancier), and the funder's own budget headings.
 */
export const agreementTerms: Migration = {
  version: 3,
  name: '0003-agreement-terms',
  async up(db: Kysely<unknown>) {
    const record = sql.raw(RECORD_COLUMNS_SQL)
    await sql`
      CREATE TABLE agreement_reports (
        ${record},
        agreement_id TEXT NOT NULL REFERENCES agreements (id),
        kind TEXT NOT NULL CHECK (kind IN ('interim', 'final')),
        due_on TEXT NOT NULL,
        period_from TEXT,
        period_to TEXT,
        status TEXT NOT NULL CHECK (status IN ('to_prepare', 'sent', 'accepted')),
        sent_on TEXT,
        note TEXT
      )`.execute(db)
    await sql`CREATE INDEX agreement_reports_by_due ON agreement_reports (status, due_on)`.execute(
      db,
    )
    await sql`
      CREATE TABLE agreement_instalments (
        ${record},
        agreement_id TEXT NOT NULL REFERENCES agreements (id),
        expected_on TEXT NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        note TEXT
      )`.execute(db)
    await sql`CREATE INDEX agreement_instalments_by_agreement ON agreement_instalments (agreement_id)`.execute(
      db,
    )
    // role: direct costs, indirect costs (capped by the agreement's rate of the direct subtotal),
    // contingency reserve (capped at 5 % of it); subtotals and totals are computed, never stored.
    await sql`
      CREATE TABLE agreement_headings (
        ${record},
        agreement_id TEXT NOT NULL REFERENCES agreements (id),
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        label TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('direct', 'indirect', 'contingency')),
        amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0)
      )`.execute(db)
    await sql`CREATE INDEX agreement_headings_by_agreement ON agreement_headings (agreement_id, position)`.execute(
      db,
    )
  },
}
