import { z } from 'zod'
import { HISTORY_TABLES } from '../records/tables'
import { recordId } from '../validation/fields'

export { HISTORY_TABLES } from '../records/tables'

export const recordHistoryQuery = z.strictObject({
  table: z.enum(HISTORY_TABLES, { error: 'validation.choice' }),
  id: recordId,
})

/**
 * One column changed by an action: the stored values, and as an auditor reads them (the
 * column's label, each value formatted — an amount with its currency, a name for an id).
 */
export interface HistoryChange {
  column: string
  oldValue: unknown
  newValue: unknown
  label: string
  before: string
  after: string
}

/** One user action on a record: the columns it changed, old → new, who and when. */
export interface HistoryEntry {
  txId: string
  author: string
  recordedAt: string
  op: 'insert' | 'update' | 'delete' | 'restore'
  changes: HistoryChange[]
}

export const journalQuery = z.strictObject({
  search: z.string({ error: 'validation.invalidType' }).max(200).optional(),
  table: z.enum(HISTORY_TABLES, { error: 'validation.choice' }).optional(),
})

/** One user action in the file's journal: the record it touched, and what changed. */
export interface JournalEntry extends HistoryEntry {
  table: string
  rowId: string
  /** The record as people name it (« AFD-2024-01 — Appui aux villes »). */
  recordName: string
  /**
   * Where the record is shown, for « Voir »: the record whose page lists it (an agreement for
   * a receipt, a project for a tranche, a member for a dues payment; itself for a record with a
   * page; null for one listed in an area of its own, such as a budget line) and the row of that
   * list to mark (the payment a settlement belongs to, the indicator of a value). Null when the
   * file no longer says where it belongs.
   */
  place: RecordPlace | null
}

/** The page and row where a record of the journal is shown. */
export interface RecordPlace {
  /** The register of the row to mark (a receipt, or the payment a settlement belongs to). */
  table: string
  rowId: string
  parentId: string | null
}

/** The journal shows the newest actions first, this many at most. */
export const JOURNAL_LIMIT = 300

/** An edit undone: the record (as people name it) and the columns written back. */
export interface UndoneEdit {
  table: string
  id: string
  name: string
  columns: string[]
}
