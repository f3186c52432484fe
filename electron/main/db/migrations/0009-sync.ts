import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration'

/**
 * What offline sync keeps beside the records (issue 10). Neither table is a record of the
 * secretariat: they say what this copy of the file has exchanged, and are never synced.
 * - `sync_files`: each change file of another copy already applied here, by name, so that a
 *   file is read once however often the folder is synced (and from however many folders);
 * - `sync_conflicts`: "À vérifier" — a field changed on both sides (the later change kept,
 *   both values listed), a record edited on one side and archived on the other, and what only
 *   the merge broke in the accounts.
 */
export const sync: Migration = {
  version: 9,
  name: '0009-sync',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE sync_files (
        name TEXT PRIMARY KEY,
        replica_id TEXT NOT NULL,
        changes INTEGER NOT NULL,
        applied_at TEXT NOT NULL
      )`.execute(db)
    await sql`
      CREATE TABLE sync_conflicts (
        id TEXT PRIMARY KEY,
        found_at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('field', 'archived_edited', 'accounts')),
        table_name TEXT,
        row_id TEXT,
        column_name TEXT,
        kept_value TEXT,
        kept_hlc TEXT,
        kept_author TEXT,
        other_value TEXT,
        other_hlc TEXT,
        other_author TEXT,
        detail TEXT,
        resolved_at TEXT,
        resolution TEXT
      )`.execute(db)
    await sql`CREATE INDEX sync_conflicts_open ON sync_conflicts (resolved_at)`.execute(db)
  },
}
