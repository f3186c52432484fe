import type { Generated } from 'kysely'

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

/** A single row (id {@link ORGANISATION_ID}): the details printed on reports. */
export interface OrganisationTable extends RecordColumns {
  name: string
  address: string | null
  email: string | null
  website: string | null
  /** The logo as a data: URL (PNG or JPEG, 1 MB at most). */
  logo: string | null
}

export interface FundersTable extends RecordColumns {
  name: string
  acronym: string | null
  kind: string
  country: string | null
  default_currency: string
  contact_name: string | null
  contact_email: string | null
  contact_phone: string | null
  notes: string | null
}

export interface Database {
  file_info: FileInfoTable
  change_log: ChangeLogTable
  organisation: OrganisationTable
  funders: FundersTable
}

/** The tables whose rows are records (UUID, stamps, soft delete) written through the change log. */
export type RecordTable = {
  [T in keyof Database]: Database[T] extends RecordColumns ? T : never
}[keyof Database]
