import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration'

/** What a ledger entry says of money: never changed once written (a correction reverses it). */
const MONEY_COLUMNS = [
  'id',
  'deleted_at',
  'entry_date',
  'kind',
  'fund_class',
  'agreement_id',
  'nature',
  'amount_minor',
  'currency',
  'eur_minor',
  'rate',
  'use_table',
  'use_id',
  'source_table',
  'source_id',
  'reverses_id',
  'heading_code',
  'bank_account_id',
] as const

/**
 * A reversal now has the id derived from the entry it reverses (funds/reversal-id.ts): two copies
 * that cancel or correct the same record offline write one record, which sync merges (sync/
 * merge.ts). Its money is the same on both by construction; its reason and dates are each copy's,
 * and the merge settles them as any record's (the latest change wins). So the ledger stays closed
 * to any change of what an entry says of money, and opens to those three columns only.
 */
export const sharedReversals: Migration = {
  version: 20,
  name: '0020-shared-reversals',
  async up(db: Kysely<unknown>) {
    await sql`DROP TRIGGER ledger_entries_are_immutable`.execute(db)
    const changed = sql.join(
      MONEY_COLUMNS.map((c) => sql`OLD.${sql.ref(c)} IS NOT NEW.${sql.ref(c)}`),
      sql` OR `,
    )
    await sql`
      CREATE TRIGGER ledger_entries_are_immutable BEFORE UPDATE ON ledger_entries
      WHEN ${changed}
      BEGIN SELECT RAISE(ABORT, 'ledger entries are never changed: reverse them'); END`.execute(db)
  },
}
