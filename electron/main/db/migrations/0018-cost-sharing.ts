import { type Kysely, sql } from 'kysely'
import { RECORD_COLUMNS_SQL } from './0001-initial'
import type { Migration } from './migration'

/**
 * Cost sharing (issue 27): one expense of the secretariat split across several funds.
 * - `expense_shares`: the shares of a shared expense, written with it in one transaction; each
 *   is one ledger entry of its fund (the entry's `use` names the share). Their amounts, in the
 *   expense's currency, and their euros add up exactly to the expense's.
 * - `cost_sharing_keys`: a saved key (« clé de répartition »), e.g. a person's time shares of a
 *   month: a name and its shares in percent, turned into amounts when an expense is entered.
 */
export const costSharing: Migration = {
  version: 18,
  name: '0018-cost-sharing',
  async up(db: Kysely<unknown>) {
    const record = sql.raw(RECORD_COLUMNS_SQL)
    await sql`
      CREATE TABLE expense_shares (
        ${record},
        expense_id TEXT NOT NULL REFERENCES budget_expenses (id),
        position INTEGER NOT NULL CHECK (position >= 0),
        agreement_id TEXT REFERENCES agreements (id),
        heading_code TEXT,
        percent_bp INTEGER CHECK (percent_bp IS NULL OR (percent_bp > 0 AND percent_bp <= 10000)),
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        eur_minor INTEGER NOT NULL
      )`.execute(db)
    await sql`CREATE INDEX expense_shares_by_expense ON expense_shares (expense_id)`.execute(db)
    await sql`CREATE INDEX expense_shares_by_agreement ON expense_shares (agreement_id)`.execute(db)
    // The shares as JSON: [{ "agreementId": id | null, "headingCode": code | null,
    // "percentBp": 1..10000 }], summing to 10000.
    await sql`
      CREATE TABLE cost_sharing_keys (
        ${record},
        name TEXT NOT NULL,
        shares TEXT NOT NULL,
        note TEXT
      )`.execute(db)
  },
}
