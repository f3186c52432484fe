import type { Generated } from 'kysely'

// The columns every record shares, and the file's own tables (its identity, its change log).

/**
 * The tables of an AIMF Finances file, as Kysely sees them.
 *
 * Every record table shares {@link RecordColumns}: a time-ordered text UUID (UUIDv7), ISO-8601
 * UTC stamps, and `deleted_at` for soft deletion (archiving), so that records can be merged
 * between machines later without key collisions and without losing a deletion.
 */
export interface RecordColumns {
  id: string
  created_at: string
  updated_at: string
  /** Set when the record is archived; archived records stay, with their history. */
  deleted_at: string | null
}

/** Facts about this file on this machine; never synchronised. */
export interface FileInfoTable {
  key: string
  value: string
}

/**
 * The append-only change log: one row per changed column of a record, in the same transaction
 * as the change. A row is never updated or deleted (triggers refuse it).
 */
export interface ChangeLogTable {
  /** Hybrid logical clock stamp: sortable, unique across machines (it ends with the replica id). */
  hlc: string
  /** Groups the rows written by one transaction (one user action). */
  tx_id: string
  replica_id: string
  table_name: string
  row_id: string
  column_name: string
  /** JSON of the value before the change; null for a new record. */
  old_value: string | null
  /** JSON of the value after the change. */
  new_value: string | null
  author: string
  op: ChangeOp
  recorded_at: string
  seq: Generated<number>
}

export type ChangeOp = 'insert' | 'update' | 'delete' | 'restore'
