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
  /**
   * Its change log on this copy, oldest first: whole, or only the changes that can bear on the
   * merge (see {@link loadRecords}).
   */
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
 * Records whose whole log the ledger rules read (ledger-view.ts: a money record as it stood at
 * the end of an action, the transaction that created it).
 */
const WHOLE_LOG_TABLES = new Set([
  'agreements',
  'agreement_amendments',
  'receipts',
  'other_income',
  'overhead_recoveries',
  'financing_lines',
  'project_transitions',
  'tranches',
  'budget_expenses',
  'expense_shares',
  'dues_payments',
  'dues_settlements',
  'ledger_entries',
])

type Found = Omit<Logged, 'value'> & { table_name: string; row_id: string }

const LOGGED_COLUMNS = `c.table_name, c.row_id, c.hlc, c.tx_id, c.replica_id, c.column_name, c.op,
  c.new_value, c.author, c.recorded_at`

/**
 * Each record's row and change log, read for all the records of a file in a few queries (the
 * ids handed to SQLite as one JSON text) rather than one query per record. A record this copy
 * has, which the file edits (no creation) and whose log the ledger rules do not read, needs
 * only the changes stamped after `since` — the file's first change, or the last one this copy
 * heard of its sender if earlier: an older change loses to each of the file's on the same field
 * and is already in the row, and a conflict is only with a change made since. Those are found
 * by their stamps, not by reading each record's twenty years of history: a file of 20,000
 * edits of 1,500 projects reads a few rows, not 180,000. A copy the sender says it had only up
 * to an earlier stamp (`earlier`: copy → stamp, sync/seen.ts) may have changes the sender had
 * not seen before `since`: those are read too, copy by copy from that stamp (through the index
 * by copy and stamp, migration 21) — not the whole log from the earliest, which for a copy
 * silent for years would be years of every copy's changes.
 */
export async function loadRecords(
  trx: Transaction<Database>,
  records: ReadonlyMap<string, RecordState>,
  since: string,
  earlier: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  const all = [...records.values()]
  await loadRows(trx, all, records)
  const whole: RecordState[] = []
  const recent: RecordState[] = []
  for (const record of all) {
    const partial =
      since !== '' &&
      record.row !== null &&
      !WHOLE_LOG_TABLES.has(record.table.name) &&
      !record.fresh.some((c) => c.column_name === INSERTED_RECORD)
    ;(partial ? recent : whole).push(record)
  }
  const keep = (found: readonly Found[]) => {
    for (const row of found) {
      const { table_name: table, row_id: id, ...change } = row
      records.get(`${table}|${id}`)?.known.push({ ...change, value: readJson(change.new_value) })
    }
  }
  for (let start = 0; start < whole.length; start += CHUNK) {
    const chunk = whole.slice(start, start + CHUNK)
    const found = await trx.executeQuery<Found>(
      CompiledQuery.raw(
        `SELECT ${LOGGED_COLUMNS} FROM json_each(?) AS j CROSS JOIN change_log AS c
           ON c.table_name = j.value ->> 0 AND c.row_id = j.value ->> 1`,
        [JSON.stringify(chunk.map((r) => [r.table.name, r.id]))],
      ),
    )
    keep(found.rows)
  }
  if (recent.length > 0) {
    const found = await trx.executeQuery<Found>(
      CompiledQuery.raw(
        `SELECT ${LOGGED_COLUMNS} FROM change_log AS c
         WHERE c.hlc > ? AND c.table_name || '|' || c.row_id IN (SELECT value FROM json_each(?))`,
        [since, JSON.stringify(recent.map((r) => `${r.table.name}|${r.id}`))],
      ),
    )
    keep(found.rows)
    const bounds = [...earlier].filter(([, stamp]) => stamp < since)
    if (bounds.length > 0) {
      const before = await trx.executeQuery<Found>(
        CompiledQuery.raw(
          `SELECT ${LOGGED_COLUMNS} FROM json_each(?) AS b CROSS JOIN change_log AS c
             ON c.replica_id = b.value ->> 0 AND c.hlc > b.value ->> 1 AND c.hlc <= ?
           WHERE c.table_name || '|' || c.row_id IN (SELECT value FROM json_each(?))`,
          [
            JSON.stringify(bounds),
            since,
            JSON.stringify(recent.map((r) => `${r.table.name}|${r.id}`)),
          ],
        ),
      )
      keep(before.rows)
    }
  }
  for (const record of all) record.known.sort((a, b) => (a.hlc < b.hlc ? -1 : 1))
}

async function loadRows(
  trx: Transaction<Database>,
  all: readonly RecordState[],
  records: ReadonlyMap<string, RecordState>,
): Promise<void> {
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
  // A record created on two copies (a reversal both wrote, merge.ts) dates from the first.
  if (insert && record.log.filter((c) => c.column_name === INSERTED_RECORD).length > 1)
    settled.created_at = insert.recorded_at
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

export function readJson(text: string | null): unknown {
  try {
    return JSON.parse(text ?? 'null') as unknown
  } catch {
    return null
  }
}
