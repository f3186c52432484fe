import { randomUUID } from 'node:crypto'
import { type Transaction, sql } from 'kysely'
import { INSERTED_RECORD, insertLogRows } from '../changelog/record-writer'
import type { Database, SyncConflictsTable } from '../db/schema'
import type { ChangeRow } from './change-file'

/** Tables that are not records of the secretariat: never written by a merge. */
const NOT_RECORDS = new Set(['file_info', 'change_log', 'sync_files', 'sync_conflicts'])
const SYSTEM_COLUMNS = new Set(['id', 'created_at', 'updated_at'])

export interface MergeOutcome {
  /** Changes new to this copy, now in its change log and its records. */
  applied: number
  /** Changes this copy already had (the same file synced twice, or from two folders). */
  alreadyHad: number
  /** Conflicts listed for review ("À vérifier"). */
  conflicts: number
}

/** A change that names a table or column this schema does not have: the file is refused. */
export class ForeignChangeError extends Error {}

type Logged = Pick<
  ChangeRow,
  'hlc' | 'replica_id' | 'column_name' | 'new_value' | 'author' | 'op' | 'recorded_at'
>

/**
 * Merges changes from other copies into this one, inside the caller's transaction. Each change
 * goes into the change log once (known by its clock stamp), and each record it touches is set
 * to what its whole log says, field by field: the change with the latest stamp wins
 * (last writer wins, as in Actual Budget), so every copy that has the same changes holds the
 * same records whatever order they came in. When both sides changed one field since they last
 * heard from each other, or one archived a record the other edited, the later change is kept
 * and the pair is listed for review — never silently.
 */
export async function mergeChanges(
  trx: Transaction<Database>,
  incoming: readonly ChangeRow[],
  now: string,
): Promise<MergeOutcome> {
  const columns = await recordColumns(trx)
  for (const change of incoming) {
    const known = columns.get(change.table_name)
    const fields =
      change.column_name === INSERTED_RECORD
        ? Object.keys(JSON.parse(change.new_value ?? '{}') as object)
        : [change.column_name]
    if (!known || fields.some((field) => !known.has(field) || SYSTEM_COLUMNS.has(field))) {
      throw new ForeignChangeError(`${change.table_name}.${fields.join(',')}`)
    }
  }
  // What this copy had heard from each other copy before this merge: a local change made
  // after it is one the other side did not know of.
  const heard = new Map<string, string>()
  for (const row of await trx
    .selectFrom('change_log')
    .select(['replica_id', (eb) => eb.fn.max('hlc').as('hlc')])
    .groupBy('replica_id')
    .execute()) {
    heard.set(row.replica_id, String(row.hlc))
  }
  // What this copy already has (the same file synced twice, or through two folders).
  const had = new Set<string>()
  const stamps = [...new Set(incoming.map((change) => change.hlc))]
  for (let start = 0; start < stamps.length; start += 500) {
    for (const row of await trx
      .selectFrom('change_log')
      .select('hlc')
      .where('hlc', 'in', stamps.slice(start, start + 500))
      .execute()) {
      had.add(row.hlc)
    }
  }
  const fresh = [
    ...new Map(incoming.filter((c) => !had.has(c.hlc)).map((c) => [c.hlc, c])).values(),
  ]
  fresh.sort((a, b) => a.hlc.localeCompare(b.hlc))
  // Each record's log read once, then kept current in memory as its changes are merged.
  const logs = new Map<string, { table: string; rowId: string; log: Logged[] }>()
  for (const change of fresh) {
    const key = `${change.table_name}|${change.row_id}`
    if (!logs.has(key)) {
      logs.set(key, {
        table: change.table_name,
        rowId: change.row_id,
        log: await logOf(trx, change.table_name, change.row_id),
      })
    }
  }
  const conflicts: Conflict[] = []
  for (const change of fresh) {
    const record = logs.get(`${change.table_name}|${change.row_id}`)
    if (!record) continue
    conflicts.push(...conflictsOf(change, record.log, heard.get(change.replica_id) ?? ''))
    record.log.push(change)
  }
  for (const conflict of conflicts) {
    await trx
      .insertInto('sync_conflicts')
      .values({
        id: randomUUID(),
        found_at: now,
        resolved_at: null,
        resolution: null,
        detail: null,
        ...conflict,
      })
      .execute()
  }
  await insertLogRows(
    trx,
    fresh.map((change) => ({
      hlc: change.hlc,
      tx_id: change.tx_id,
      replica_id: change.replica_id,
      table_name: change.table_name,
      row_id: change.row_id,
      column_name: change.column_name,
      old_value: change.old_value ?? null,
      new_value: change.new_value ?? null,
      author: change.author,
      op: change.op,
      recorded_at: change.recorded_at,
    })),
  )
  const byTable = new Map<string, { rowId: string; log: Logged[] }[]>()
  for (const { table, rowId, log } of logs.values()) {
    log.sort((a, b) => a.hlc.localeCompare(b.hlc))
    byTable.set(table, [...(byTable.get(table) ?? []), { rowId, log }])
  }
  for (const [table, records] of byTable) {
    const existing = new Set<string>()
    for (let start = 0; start < records.length; start += 500) {
      const ids = records.slice(start, start + 500).map((r) => r.rowId)
      const found = await sql<{ id: string }>`
        SELECT id FROM ${sql.table(table)} WHERE id IN (${sql.join(ids)})`.execute(trx)
      for (const row of found.rows) existing.add(row.id)
    }
    for (const { rowId, log } of records) {
      await settleRecord(
        trx,
        table,
        rowId,
        log,
        existing.has(rowId),
        columns.get(table) ?? new Set(),
      )
    }
  }
  return {
    applied: fresh.length,
    alreadyHad: incoming.length - fresh.length,
    conflicts: conflicts.length,
  }
}

/** Each record table's columns, read from the schema itself. */
async function recordColumns(trx: Transaction<Database>): Promise<Map<string, Set<string>>> {
  const tables = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(trx)
  const columns = new Map<string, Set<string>>()
  for (const { name } of tables.rows) {
    if (NOT_RECORDS.has(name)) continue
    const info = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${name})`.execute(
      trx,
    )
    const names = new Set(info.rows.map((c) => c.name))
    if (names.has('deleted_at')) columns.set(name, names)
  }
  return columns
}

async function logOf(trx: Transaction<Database>, table: string, rowId: string): Promise<Logged[]> {
  return trx
    .selectFrom('change_log')
    .select(['hlc', 'replica_id', 'column_name', 'new_value', 'author', 'op', 'recorded_at'])
    .where('table_name', '=', table)
    .where('row_id', '=', rowId)
    .orderBy('hlc')
    .execute()
}

/** Whether a logged change wrote a field (an insert writes every field it names). */
function writes(change: Pick<ChangeRow, 'column_name' | 'new_value'>, field: string): boolean {
  if (change.column_name === field) return true
  if (change.column_name !== INSERTED_RECORD) return false
  return field in (JSON.parse(change.new_value ?? '{}') as Record<string, unknown>)
}

function valueOf(change: Pick<ChangeRow, 'column_name' | 'new_value'>, field: string): unknown {
  const value = JSON.parse(change.new_value ?? 'null') as unknown
  if (change.column_name !== INSERTED_RECORD) return value
  return (value as Record<string, unknown>)[field] ?? null
}

type Conflict = Omit<
  SyncConflictsTable,
  'id' | 'found_at' | 'resolved_at' | 'resolution' | 'detail'
>

/**
 * What an incoming change collides with: the same field changed here since this copy last
 * heard from the other (to another value), or a record archived on one side and edited on the
 * other. Inserts never collide: a record is created once, with its own id.
 */
function conflictsOf(change: ChangeRow, log: readonly Logged[], heardFrom: string): Conflict[] {
  if (change.column_name === INSERTED_RECORD) return []
  const concurrent = log.filter(
    (local) =>
      local.replica_id !== change.replica_id &&
      local.hlc > heardFrom &&
      local.column_name !== INSERTED_RECORD &&
      local.op !== 'insert',
  )
  const pair = (kind: Conflict['kind'], local: Logged, field: string): Conflict => {
    const [kept, other] = local.hlc > change.hlc ? [local, change] : [change, local]
    return {
      kind,
      table_name: change.table_name,
      row_id: change.row_id,
      column_name: field,
      kept_value: kept.new_value,
      kept_hlc: kept.hlc,
      kept_author: kept.author,
      other_value: other.new_value,
      other_hlc: other.hlc,
      other_author: other.author,
    }
  }
  const archives = (c: Pick<ChangeRow, 'column_name' | 'op'>) =>
    c.column_name === 'deleted_at' && c.op === 'delete'
  const found: Conflict[] = []
  const sameField = concurrent.filter(
    (local) => local.column_name === change.column_name && local.new_value !== change.new_value,
  )
  const latest = sameField.at(-1)
  if (latest) found.push(pair('field', latest, change.column_name))
  const edit = (c: Pick<ChangeRow, 'column_name'>) => c.column_name !== 'deleted_at'
  const archivedHere = archives(change) ? undefined : concurrent.findLast(archives)
  const editedHere = archives(change) ? concurrent.findLast(edit) : undefined
  if (archivedHere && edit(change))
    found.push(pair('archived_edited', archivedHere, change.column_name))
  if (editedHere) found.push(pair('archived_edited', editedHere, editedHere.column_name))
  return found
}

/**
 * Sets a record to what its log says: each field the value of the latest change that wrote it.
 * A record whose insert has not arrived yet waits (its changes are kept in the log).
 */
async function settleRecord(
  trx: Transaction<Database>,
  table: string,
  rowId: string,
  log: readonly Logged[],
  exists: boolean,
  known: Set<string>,
): Promise<void> {
  const inserts = log.filter((c) => c.column_name === INSERTED_RECORD || c.op === 'insert')
  const created = inserts[0]
  if (!created) return
  const values: Record<string, unknown> = {}
  const fields = new Set<string>()
  for (const change of log) {
    if (change.column_name === INSERTED_RECORD) {
      for (const field of Object.keys(JSON.parse(change.new_value ?? '{}') as object))
        fields.add(field)
    } else fields.add(change.column_name)
  }
  for (const field of fields) {
    if (!known.has(field) || SYSTEM_COLUMNS.has(field)) continue
    const winner = log.findLast((change) => writes(change, field))
    if (winner) values[field] = valueOf(winner, field)
  }
  // The wall time of the latest change by its stamp — not the latest wall time: a machine
  // whose clock is behind can make the latest change with the earliest time.
  const updatedAt = (log.at(-1) ?? created).recorded_at
  const assignments = Object.entries(values)
  if (!exists) {
    const names = ['id', 'created_at', 'updated_at', ...assignments.map(([field]) => field)]
    const row = [rowId, created.recorded_at, updatedAt, ...assignments.map(([, value]) => value)]
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))})
      VALUES (${sql.join(row)})`.execute(trx)
  } else {
    await sql`UPDATE ${sql.table(table)} SET ${sql.join(
      [...assignments, ['updated_at', updatedAt] as const].map(
        ([field, value]) => sql`${sql.ref(field)} = ${value}`,
      ),
    )} WHERE id = ${rowId}`.execute(trx)
  }
}
