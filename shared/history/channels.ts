import { channel } from '../contract/channel'
import type { SavedFile } from '../files/schema'
import type { HistoryEntry, JournalEntry, UndoneEdit } from './schema'
import { none } from '../contract/channel'
import { journalQuery, recordHistoryQuery } from './schema'

/** The channels of the history area (see shared/contract/channels.ts). */
export const HISTORY_CHANNELS = {
  'history.forRecord': channel<HistoryEntry[]>()(recordHistoryQuery),
  'history.journal': channel<JournalEntry[]>()(journalQuery),
  'history.exportJournal': channel<SavedFile & { rows: number }>()(journalQuery),
  /** Undoes the user's last edit of a record's fields by a new change (never a rewrite). */
  'history.undoLast': channel<UndoneEdit>()(none),
} as const
