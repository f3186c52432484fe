import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration'

/**
 * Indexes chosen from the hot queries of a file with twenty years of history (issue 9; each
 * query's plan is checked by `test/db/query-plans.test.ts`):
 * - the dashboard's sums by class and kind of money up to a date read one covering index in
 *   order (every column they use is in it), instead of every ledger row and a sort;
 * - a project's money (its lines' allocations and payments) is summed from the index of the
 *   line it uses;
 * - a year's expenses are found by their year, a year's payments of dues by their date;
 * - a code is checked free (members, projects, dues calls) without reading every record.
 */
export const ledgerSums: Migration = {
  version: 8,
  name: '0008-ledger-sums',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE INDEX ledger_sums
      ON ledger_entries (fund_class, kind, entry_date, eur_minor, deleted_at)`.execute(db)
    await sql`
      CREATE INDEX ledger_by_use
      ON ledger_entries (use_table, use_id, kind, eur_minor, deleted_at)`.execute(db)
    await sql`CREATE INDEX budget_expenses_by_year ON budget_expenses (year, spent_on)`.execute(db)
    await sql`CREATE INDEX dues_payments_by_date ON dues_payments (received_on)`.execute(db)
    // Codes are unique without case (record-codes.ts): found by the same expression.
    for (const [table, column] of [
      ['members', 'code'],
      ['projects', 'code'],
      ['dues_calls', 'number'],
    ] as const) {
      await sql`CREATE INDEX ${sql.raw(`${table}_by_lower_${column}`)}
        ON ${sql.table(table)} (lower(${sql.ref(column)}))`.execute(db)
    }
  },
}
