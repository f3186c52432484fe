import { channel } from '../contract/channel'
import type { SavedFile } from '../files/schema'
import type { HistoryEntry, JournalEntry } from './schema'
import { journalQuery, recordHistoryQuery } from './schema'

/** The channels of the history area (see shared/contract/channels.ts). */
export const HISTORY_CHANNELS = {
  'history.forRecord': channel<HistoryEntry[]>()(recordHistoryQuery),
  'history.journal': channel<JournalEntry[]>()(journalQuery),
  'history.exportJournal': channel<SavedFile & { rows: number }>()(journalQuery),
} as const
