import { CompiledQuery, type Transaction } from 'kysely'
import { INSERTED_RECORD } from '../changelog/record-writer'
import type { ChangeOp, Database } from '../db/schema'
import type { Incoming } from './change-rules'
import type { ColumnValue, TableRules } from './column-rules'
import { groupBy } from './group-by'

/** A change of a record's log, as the merge reads it. */
export interface Logged {
  hlc: string
  tx_id: string
  replica_id: string
  column_name: string
  op: ChangeOp
  new_value: string | null
  /** `new_value` read. */
  value: unknown
  author: string
  recorded_at: string
}

export type Row = Record<string, ColumnValue>

/** One record a file touches: its log here, its changes in the file, its row here and after. */
export interface RecordState {
  table: TableRules
  id: string
  /** Its change log on this copy, oldest first. */
  known: Logged[]
  /** Its changes new to this copy, oldest first. */
  fresh: Incoming[]
  /** Its row on this copy; null when the file creates it. */
  row: Row | null
  /** Both logs in stamp order. */
  log: Logged[]
  /** Its row once merged, and whether that is a new row or a changed one. */
  settled: Row | null
  created: boolean
  changed: boolean
}

/** Pairs per query: one JSON text each, as record-writer.ts writes rows. */
const CHUNK = 20_000

/**
 * Each record's change log and row, read for all the records of a file in a few queries (the
 * ids handed to SQLite as one JSON text) rather than one query per record: a file of 200,000
 * changes reads its records' logs in seconds, not minutes.
 */
export async function loadRecords(
  trx: Transaction<Database>,
  records: ReadonlyMap<string, RecordState>,
): Promise<void> {
  const all = [...records.values()]
  for (let start = 0; start < all.length; start += CHUNK) {
    const chunk = all.slice(start, start + CHUNK)
    const found = await trx.executeQuery<
      Omit<Logged, 'value'> & { table_name: string; row_id: string }
    >(
      CompiledQuery.raw(
        `SELECT c.table_name, c.row_id, c.hlc, c.tx_id, c.replica_id, c.column_name, c.op,
           c.new_value, c.author, c.recorded_at
         FROM json_each(?) AS j CROSS JOIN change_log AS c
           ON c.table_name = j.value ->> 0 AND c.row_id = j.value ->> 1`,
        [JSON.stringify(chunk.map((r) => [r.table.name, r.id]))],
      ),
    )
    for (const row of found.rows) {
      const { table_name: table, row_id: id, ...change } = row
      records.get(`${table}|${id}`)?.known.push({ ...change, value: readJson(change.new_value) })
    }
  }
  for (const record of all) record.known.sort((a, b) => (a.hlc < b.hlc ? -1 : 1))
  const byTable = groupBy(all, (r) => r.table.name)
  for (const [table, states] of byTable) {
    for (let start = 0; start < states.length; start += CHUNK) {
      const chunk = states.slice(start, start + CHUNK)
      const found = await trx.executeQuery<Row>(
        CompiledQuery.raw(
          `SELECT t.* FROM json_each(?) AS j CROSS JOIN "${table}" AS t ON t.id = j.value`,
          [JSON.stringify(chunk.map((r) => r.id))],
        ),
      )
      for (const row of found.rows) {
        const record = records.get(`${table}|${String(row.id)}`)
        if (record) record.row = row
      }
    }
  }
}

/** A record's state after the merge: each field the value of the latest change that wrote it. */
export function settle(record: RecordState): void {
  record.log = mergeByStamp(record.known, record.fresh)
  const values: Row = {}
  let insert: Logged | undefined
  for (const change of record.log) {
    if (change.column_name === INSERTED_RECORD) {
      insert ??= change
      Object.assign(values, change.value)
    } else values[change.column_name] = change.value as ColumnValue
  }
  const last = record.log.at(-1)
  if (!last || (!insert && !record.row)) {
    record.settled = null
    return
  }
  // The wall time of the latest change by its stamp — not the latest wall time: a machine
  // whose clock is behind can make the latest change with the earliest time.
  if (!record.row) {
    const fallbacks: Row = {}
    for (const rule of record.table.columns.values()) fallbacks[rule.name] = rule.fallback
    record.settled = {
      ...fallbacks,
      ...values,
      id: record.id,
      created_at: insert?.recorded_at ?? last.recorded_at,
      updated_at: last.recorded_at,
      deleted_at: (values.deleted_at as string | undefined) ?? null,
    }
    record.created = true
    return
  }
  const settled: Row = { ...record.row, ...values, updated_at: last.recorded_at }
  record.settled = settled
  record.changed = Object.keys(settled).some((column) => settled[column] !== record.row?.[column])
}

function mergeByStamp(known: readonly Logged[], fresh: readonly Logged[]): Logged[] {
  if (fresh.length === 0) return [...known]
  if (known.length === 0) return [...fresh]
  const merged: Logged[] = []
  let i = 0
  let j = 0
  while (i < known.length || j < fresh.length) {
    const a = known[i]
    const b = fresh[j]
    if (b === undefined || (a !== undefined && a.hlc < b.hlc)) {
      merged.push(a as Logged)
      i += 1
    } else {
      merged.push(b)
      j += 1
    }
  }
  return merged
}

function readJson(text: string | null): unknown {
  try {
    return JSON.parse(text ?? 'null') as unknown
  } catch {
    return null
  }
}
