import type { DataFile } from '../db/data-file'
import type { HistoryEntry } from '../../../shared/history/schema'

/** Reads the change log back as the history of one record, newest action first. */
export class HistoryService {
  constructor(private readonly file: DataFile) {}

  async forRecord(table: string, id: string): Promise<HistoryEntry[]> {
    const rows = await this.file.db
      .selectFrom('change_log')
      .selectAll()
      .where('table_name', '=', table)
      .where('row_id', '=', id)
      .orderBy('seq')
      .execute()
    const entries = new Map<string, HistoryEntry>()
    for (const row of rows) {
      let entry = entries.get(row.tx_id)
      if (!entry) {
        entry = {
          txId: row.tx_id,
          author: row.author,
          recordedAt: row.recorded_at,
          op: row.op,
          changes: [],
        }
        entries.set(row.tx_id, entry)
      }
      if (row.column_name === 'updated_at' || row.column_name === 'created_at') continue
      if (row.op === 'insert' && row.new_value === 'null') continue
      entry.changes.push({
        column: row.column_name,
        oldValue: row.old_value === null ? null : (JSON.parse(row.old_value) as unknown),
        newValue: row.new_value === null ? null : (JSON.parse(row.new_value) as unknown),
      })
    }
    return [...entries.values()].reverse()
  }
}
