import { INSERTED_RECORD } from '../changelog/record-writer'
import type { ChangeOp } from '../db/schema'
import { MAX_DRIFT_MS, parseHlc } from '@shared/sync/stamps'
import type { ChangeRow } from './change-file'
import type { ColumnRule, SchemaRules, TableRules } from './column-rules'
import { SetAside, refused } from './set-aside'

/** A change of another copy, checked, with its `new_value` read. */
export interface Incoming extends ChangeRow {
  /** An insert's fields (an object), or the one value an update, archive or restore writes. */
  value: unknown
  /** Its place in its file (from 1), to name it in a message. */
  index: number
}

export interface ChangeContext {
  rules: SchemaRules
  /** The copy whose folder, or server rows, the file came from. */
  sender: string
  /** This copy: no change received may claim to be its own. */
  receiver: string
  /** This machine's clock (ms). */
  now: number
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const OPS: readonly ChangeOp[] = ['insert', 'update', 'delete', 'restore']
// eslint-disable-next-line no-control-regex -- the point: an author's name holds no control character
const CONTROL = /[\u0000-\u001f\u007f]/
/** An old value is only shown in a record's history: kept, bounded, never written to a record. */
const OLD_VALUE_MAX = 2_000_000
const TEXT_FIELDS = [
  'hlc',
  'tx_id',
  'replica_id',
  'table_name',
  'row_id',
  'column_name',
  'author',
  'op',
  'recorded_at',
] as const

/**
 * Checks one change as the core would have written it (record-writer.ts) and reads its value:
 * its stamp well formed, from the copy it came from and not from this one, not further ahead of
 * this machine's clock than {@link MAX_DRIFT_MS}; its op and column agreeing (an insert writes
 * `*`, an archive or restore `deleted_at`); its value JSON, of the column's type and within the
 * column's rules. Anything else sets the file aside, naming the change.
 */
export function readChange(raw: unknown, index: number, context: ChangeContext): Incoming {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw refused('sync.refused.shape', { n: index, field: '—' })
  }
  const fields = raw as Record<string, unknown>
  for (const field of TEXT_FIELDS) {
    if (typeof fields[field] !== 'string' || (fields[field] as string).length > 200) {
      throw refused('sync.refused.shape', { n: index, field })
    }
  }
  for (const field of ['old_value', 'new_value'] as const) {
    const value = fields[field]
    if (value !== null && value !== undefined && typeof value !== 'string') {
      throw refused('sync.refused.shape', { n: index, field })
    }
  }
  const change: Incoming = {
    hlc: fields.hlc as string,
    tx_id: fields.tx_id as string,
    replica_id: fields.replica_id as string,
    table_name: fields.table_name as string,
    row_id: fields.row_id as string,
    column_name: fields.column_name as string,
    old_value: (fields.old_value as string | null | undefined) ?? null,
    new_value: (fields.new_value as string | null | undefined) ?? null,
    author: fields.author as string,
    op: fields.op as ChangeOp,
    recorded_at: fields.recorded_at as string,
    value: undefined,
    index,
  }
  checkOrigin(change, index, context)
  const table = context.rules.tables.get(change.table_name)
  if (!table) {
    throw new SetAside('foreign', {
      key: 'sync.refused.table',
      params: { n: index, table: change.table_name },
    })
  }
  if (!UUID.test(change.row_id) || !UUID.test(change.tx_id)) {
    throw refused('sync.refused.shape', { n: index, field: 'row_id' })
  }
  if (!OPS.includes(change.op)) throw refused('sync.refused.shape', { n: index, field: 'op' })
  if (
    change.old_value !== null &&
    (change.old_value.length > OLD_VALUE_MAX || !isJson(change.old_value))
  ) {
    throw refused('sync.refused.json', { n: index, table: change.table_name, row: change.row_id })
  }
  // One object per change: a file of 200,000 changes makes no garbage beyond them.
  change.value = readValue(change, index, table)
  return change
}

/** The stamp, the copy, the author and the time of a change. */
function checkOrigin(change: ChangeRow, index: number, context: ChangeContext): void {
  let stamp: ReturnType<typeof parseHlc>
  try {
    stamp = parseHlc(change.hlc)
  } catch {
    throw refused('sync.refused.stamp', { n: index, value: change.hlc.slice(0, 60) })
  }
  if (!Number.isFinite(stamp.millis)) {
    throw refused('sync.refused.stamp', { n: index, value: change.hlc.slice(0, 60) })
  }
  if (change.replica_id === context.receiver || stamp.replicaId === context.receiver) {
    throw refused('sync.refused.ownReplica', { n: index, replica: context.receiver })
  }
  if (change.replica_id !== context.sender || stamp.replicaId !== context.sender) {
    throw refused('sync.refused.replica', {
      n: index,
      claimed: change.replica_id.slice(0, 20),
      replica: context.sender,
    })
  }
  const recorded = INSTANT.test(change.recorded_at) ? Date.parse(change.recorded_at) : NaN
  if (!Number.isFinite(recorded)) {
    throw refused('sync.refused.shape', { n: index, field: 'recorded_at' })
  }
  const latest = Math.max(stamp.millis, recorded)
  if (latest - context.now > MAX_DRIFT_MS) {
    throw refused('sync.refused.ahead', { n: index, when: new Date(latest).toISOString() })
  }
  if (change.author.trim() === '' || CONTROL.test(change.author)) {
    throw refused('sync.refused.author', { n: index })
  }
}

/** An op and its column agree, and the value it writes fits the column. */
function readValue(change: ChangeRow, index: number, table: TableRules): unknown {
  const where = { n: index, table: change.table_name, row: change.row_id }
  let value: unknown
  try {
    if (change.new_value === null) throw new SyntaxError('null')
    value = JSON.parse(change.new_value) as unknown
  } catch {
    throw refused('sync.refused.json', where)
  }
  const opFits = (expected: ChangeOp) => {
    if (change.op !== expected) {
      throw refused('sync.refused.op', { ...where, op: change.op, column: change.column_name })
    }
  }
  if (change.column_name === INSERTED_RECORD) {
    opFits('insert')
    return readInsert(value, where, table)
  }
  if (change.column_name === 'deleted_at') {
    if (change.op === 'delete' && typeof value === 'string' && INSTANT.test(value)) return value
    if (change.op === 'restore' && value === null) return value
    throw refused('sync.refused.op', { ...where, op: change.op, column: change.column_name })
  }
  opFits('update')
  const rule = table.columns.get(change.column_name)
  if (!rule) {
    throw new SetAside('foreign', {
      key: 'sync.refused.column',
      params: { ...where, column: change.column_name },
    })
  }
  checkValue(rule, value, where)
  return value
}

/** An insert's fields: every column known, every value fitting, nothing required missing. */
function readInsert(
  value: unknown,
  where: { n: number; table: string; row: string },
  table: TableRules,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw refused('sync.refused.json', where)
  }
  const fields = value as Record<string, unknown>
  for (const [column, field] of Object.entries(fields)) {
    const rule = table.columns.get(column)
    if (!rule) {
      throw new SetAside('foreign', { key: 'sync.refused.column', params: { ...where, column } })
    }
    checkValue(rule, field, where)
  }
  for (const rule of table.columns.values()) {
    if (rule.notNull && rule.fallback === null && fields[rule.name] === undefined) {
      throw refused('sync.refused.required', { ...where, column: rule.name })
    }
  }
  return fields
}

function checkValue(
  rule: ColumnRule,
  value: unknown,
  where: { n: number; table: string; row: string },
): void {
  if (value === null) {
    if (rule.notNull) throw refused('sync.refused.required', { ...where, column: rule.name })
    return
  }
  const failure = rule.check(value)
  if (failure) {
    throw refused(failure.key, {
      ...where,
      column: rule.name,
      value: shown(value),
      ...failure.params,
    })
  }
}

/** A value as a message quotes it: short, on one line. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  const line = text.replace(/\s+/g, ' ')
  return line.length > 60 ? `${line.slice(0, 57)}…` : line
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
