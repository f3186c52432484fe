import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration'

/** Record columns every synchronised table starts with. */
export const RECORD_COLUMNS_SQL = `
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT`

export const initial: Migration = {
  version: 1,
  name: '0001-initial',
  async up(db: Kysely<unknown>) {
    await sql`CREATE TABLE file_info (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`.execute(
      db,
    )

    // seq orders rows locally (insertion order); hlc orders them across machines.
    await sql`
      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        hlc TEXT NOT NULL UNIQUE,
        tx_id TEXT NOT NULL,
        replica_id TEXT NOT NULL,
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        column_name TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT,
        author TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'restore')),
        recorded_at TEXT NOT NULL
      )`.execute(db)
    await sql`CREATE INDEX change_log_by_record ON change_log (table_name, row_id)`.execute(db)
    await sql`
      CREATE TRIGGER change_log_is_append_only_update BEFORE UPDATE ON change_log
      BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END`.execute(db)
    await sql`
      CREATE TRIGGER change_log_is_append_only_delete BEFORE DELETE ON change_log
      BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END`.execute(db)

    // One row, with a fixed id: the organisation's details printed on reports.
    await sql`
      CREATE TABLE organisation (
        ${sql.raw(RECORD_COLUMNS_SQL)},
        name TEXT NOT NULL,
        address TEXT,
        email TEXT,
        website TEXT,
        logo TEXT
      )`.execute(db)

    // Names are unique among funders, but by the service, not by an index: two laptops may
    // each create "AFD" offline, and the merge must keep both and flag them, not fail.
    await sql`
      CREATE TABLE funders (
        ${sql.raw(RECORD_COLUMNS_SQL)},
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        acronym TEXT,
        kind TEXT NOT NULL,
        country TEXT,
        default_currency TEXT NOT NULL,
        contact_name TEXT,
        contact_email TEXT,
        contact_phone TEXT,
        notes TEXT
      )`.execute(db)
    await sql`CREATE INDEX funders_by_name ON funders (name COLLATE NOCASE)`.execute(db)
  },
}
