import { z } from 'zod'
import { HISTORY_TABLES } from '../records/tables'
import { recordId } from '../validation/fields'

export { HISTORY_TABLES } from '../records/tables'

export const recordHistoryQuery = z.strictObject({
  table: z.enum(HISTORY_TABLES, { error: 'validation.choice' }),
  id: recordId,
})

/** One user action on a record: the columns it changed, old → new, who and when. */
export interface HistoryEntry {
  txId: string
  author: string
  recordedAt: string
  op: 'insert' | 'update' | 'delete' | 'restore'
  changes: { column: string; oldValue: unknown; newValue: unknown }[]
}

export const journalQuery = z.strictObject({
  search: z.string({ error: 'validation.invalidType' }).max(200).optional(),
  table: z.enum(HISTORY_TABLES, { error: 'validation.choice' }).optional(),
})

/** One user action in the file's journal: the record it touched, and what changed. */
export interface JournalEntry extends HistoryEntry {
  table: string
  rowId: string
}

/** The journal shows the newest actions first, this many at most. */
export const JOURNAL_LIMIT = 300
