import type { DataFile } from '../db/data-file'
import { JOURNAL_LIMIT, type HistoryEntry, type JournalEntry } from '@shared/history/schema'
import type { Selectable } from 'kysely'
import type { ChangeLogTable } from '../db/schema'
import { INSERTED_RECORD } from '../changelog/record-writer'
import type { Language } from '@shared/i18n/locale'
import { describeEntries, type RawEntry } from './describe-entries'

type RawJournalEntry = Omit<JournalEntry, 'changes' | 'recordName' | 'place'> & RawEntry

/** Reads the change log back: the history of one record, or the journal of the whole file. */
export class HistoryService {
  constructor(private readonly file: DataFile) {}

  async forRecord(table: string, id: string, language: Language): Promise<HistoryEntry[]> {
    const rows = await this.file.db
      .selectFrom('change_log')
      .selectAll()
      .where('table_name', '=', table)
      .where('row_id', '=', id)
      .orderBy('seq')
      .execute()
    const entries = new Map<string, RawJournalEntry>()
    for (const row of rows) {
      const entry = entries.get(row.tx_id) ?? toJournalEntry(row)
      entries.set(row.tx_id, entry)
      addChange(entry, row)
    }
    const described = await describeEntries(this.file.db, [...entries.values()].reverse(), language)
    return described.map(({ txId, author, recordedAt, op, changes }) => ({
      txId,
      author,
      recordedAt,
      op,
      changes,
    }))
  }

  /**
   * The journal of the file, newest action first: the actions whose author, table or values
   * contain the search text, in a table if one is given.
   */
  async journal(
    query: { search?: string; table?: string },
    language: Language,
    limit = JOURNAL_LIMIT,
  ): Promise<JournalEntry[]> {
    let rows = this.file.db.selectFrom('change_log').selectAll()
    if (query.table) rows = rows.where('table_name', '=', query.table)
    const search = query.search?.trim()
    if (search) {
      const pattern = `%${search}%`
      rows = rows.where((eb) =>
        eb.or([
          eb('author', 'like', pattern),
          eb('table_name', 'like', pattern),
          eb('new_value', 'like', pattern),
          eb('old_value', 'like', pattern),
        ]),
      )
    }
    const found = await rows
      .orderBy('seq', 'desc')
      .limit(limit * 8)
      .execute()
    const entries = new Map<string, RawJournalEntry>()
    for (const row of found.reverse()) {
      const entry = entries.get(`${row.tx_id}|${row.row_id}`) ?? toJournalEntry(row)
      entries.set(`${row.tx_id}|${row.row_id}`, entry)
      addChange(entry, row)
    }
    return describeEntries(this.file.db, [...entries.values()].reverse().slice(0, limit), language)
  }
}

function toJournalEntry(row: Selectable<ChangeLogTable>): RawJournalEntry {
  return {
    txId: row.tx_id,
    author: row.author,
    recordedAt: row.recorded_at,
    op: row.op,
    changes: [],
    table: row.table_name,
    rowId: row.row_id,
  }
}

function addChange(entry: RawEntry, row: Selectable<ChangeLogTable>): void {
  if (row.column_name === INSERTED_RECORD) {
    const inserted = JSON.parse(row.new_value ?? '{}') as Record<string, unknown>
    for (const [column, newValue] of Object.entries(inserted))
      entry.changes.push({ column, oldValue: null, newValue })
    return
  }
  if (row.column_name === 'updated_at' || row.column_name === 'created_at') return
  // Files written before inserts were logged as one row hold a row per column.
  if (row.op === 'insert' && row.new_value === 'null') return
  entry.changes.push({
    column: row.column_name,
    oldValue: row.old_value === null ? null : (JSON.parse(row.old_value) as unknown),
    newValue: row.new_value === null ? null : (JSON.parse(row.new_value) as unknown),
  })
}
