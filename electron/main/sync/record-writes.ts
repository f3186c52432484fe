import { randomUUID } from 'node:crypto'
import { CompiledQuery, type Transaction } from 'kysely'
import { insertRows } from '../changelog/bulk-insert'
import { insertLogRows } from '../changelog/record-writer'
import type { Database } from '../db/schema'
import type { Incoming } from './change-rules'
import type { SchemaRules } from './column-rules'
import type { Conflict } from './conflicts'
import type { RecordState } from './record-states'
import { groupBy } from './group-by'

const ROWS_PER_STATEMENT = 1000

/**
 * Writes what a merge decided, in a few statements per table: the conflicts to review, the
 * changes into the change log, then the records — tables in the order of their foreign keys,
 * parents first, each table's new rows in the order they were created (a reversal after the
 * entry it reverses), then its changed rows. Nothing is written for a record whose state the
 * file does not change.
 */
export async function writeMerge(
  trx: Transaction<Database>,
  rules: SchemaRules,
  fresh: readonly Incoming[],
  records: Iterable<RecordState>,
  conflicts: readonly Conflict[],
  now: string,
): Promise<void> {
  await insertRows(
    trx,
    'sync_conflicts',
    CONFLICT_COLUMNS,
    conflicts.map((c) => [
      randomUUID(),
      now,
      c.kind,
      c.table_name,
      c.row_id,
      c.column_name,
      c.kept_value,
      c.kept_hlc,
      c.kept_author,
      c.other_value,
      c.other_hlc,
      c.other_author,
    ]),
  )
  await insertLogRows(
    trx,
    fresh.map((change) => ({
      hlc: change.hlc,
      tx_id: change.tx_id,
      replica_id: change.replica_id,
      table_name: change.table_name,
      row_id: change.row_id,
      column_name: change.column_name,
      old_value: change.old_value,
      new_value: change.new_value,
      author: change.author,
      op: change.op,
      recorded_at: change.recorded_at,
    })),
  )
  const written = [...records].filter((r) => r.settled && (r.created || r.changed))
  const byTable = groupBy(written, (r) => r.table.name)
  for (const table of rules.order) {
    const touched = byTable.get(table)
    const columns = rules.tables.get(table)?.columns
    if (!touched || !columns) continue
    const names = ['id', 'created_at', 'updated_at', 'deleted_at', ...columns.keys()]
    const created = touched
      .filter((r) => r.created)
      .sort((a, b) => (firstStamp(a) < firstStamp(b) ? -1 : 1))
    for (let start = 0; start < created.length; start += ROWS_PER_STATEMENT) {
      const chunk = created.slice(start, start + ROWS_PER_STATEMENT)
      await insertRows(
        trx,
        table,
        names,
        chunk.map((r) => names.map((name) => r.settled?.[name] ?? null)),
      )
    }
    const changed = touched.filter((r) => r.changed)
    const set = names.slice(1)
    for (let start = 0; start < changed.length; start += ROWS_PER_STATEMENT) {
      const chunk = changed.slice(start, start + ROWS_PER_STATEMENT)
      await trx.executeQuery(
        CompiledQuery.raw(
          `UPDATE "${table}" SET (${set.map((c) => `"${c}"`).join(', ')}) =
             (${set.map((_, index) => `j.value ->> ${index + 1}`).join(', ')})
           FROM jsonb_each(jsonb(?)) AS j WHERE "${table}".id = j.value ->> 0`,
          [JSON.stringify(chunk.map((r) => names.map((name) => r.settled?.[name] ?? null)))],
        ),
      )
    }
  }
}

const CONFLICT_COLUMNS = [
  'id',
  'found_at',
  'kind',
  'table_name',
  'row_id',
  'column_name',
  'kept_value',
  'kept_hlc',
  'kept_author',
  'other_value',
  'other_hlc',
  'other_author',
]

function firstStamp(record: RecordState): string {
  return record.log[0]?.hlc ?? ''
}
