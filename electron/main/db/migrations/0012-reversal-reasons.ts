import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration'

/**
 * Why money was reversed (issue 21). Every cancellation of a money record — a receipt, a dues
 * payment, a tranche payment, an expense, an allocation, other income — posts entries that
 * reverse the record's own; each reversing entry now carries the reason the person gave, so the
 * change log (which holds the whole inserted row) says who reversed what, when and why, and the
 * reason travels to the other copies with the entry.
 */
export const reversalReasons: Migration = {
  version: 12,
  name: '0012-reversal-reasons',
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE ledger_entries ADD COLUMN reason TEXT`.execute(db)
  },
}
