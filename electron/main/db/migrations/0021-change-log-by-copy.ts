import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration'

/**
 * The change log by copy and stamp. A merge reads this copy's changes that the sender may not
 * have had (sync/record-states.ts): for each copy, those after the latest the sender says it had
 * of it (sync/seen.ts). Without this index that read ran from the lowest such claim over the whole
 * log — for a copy silent for years, years of changes read again for each file merged. Sending
 * reads through it too: the latest change of each copy logged before a run of this copy's own.
 */
export const changeLogByCopy: Migration = {
  version: 21,
  name: '0021-change-log-by-copy',
  async up(db: Kysely<unknown>) {
    await sql`CREATE INDEX change_log_by_copy ON change_log (replica_id, hlc)`.execute(db)
  },
}
