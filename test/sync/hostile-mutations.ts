import fc from 'fast-check'
import type { ChangeRow } from '../../electron/main/sync/change-file'
import { formatHlc, parseHlc } from '@shared/sync/stamps'
import { type HostileCase, type Place, valueOf, writeChanges } from './hostile-frame'

/** Values drawn into a change: of every type, in and out of every column's rules. */
const POOL: readonly unknown[] = [
  null,
  '',
  'x',
  0,
  -1,
  1.5,
  2 ** 53,
  1e21,
  '2026-02-30',
  '2026-06-01',
  'XXX',
  'EUR',
  {},
  [],
  true,
  '../x',
  'a'.repeat(3000),
  'bell\u0007',
  '01900000-0000-7000-8000-000000000000',
]

type Operation =
  | { kind: 'top'; at: number; field: keyof ChangeRow; value: number }
  | { kind: 'inner'; at: number; key: number; value: number }
  | { kind: 'drop'; at: number }
  | { kind: 'copy'; at: number; shift: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'retarget'; at: number; with: number }
  | { kind: 'restamp'; at: number; shift: number }
  | { kind: 'borrow'; at: number; with: number; field: keyof ChangeRow }

const FIELDS: readonly (keyof ChangeRow)[] = [
  'hlc',
  'tx_id',
  'replica_id',
  'table_name',
  'row_id',
  'column_name',
  'old_value',
  'new_value',
  'author',
  'op',
  'recorded_at',
]

const index = fc.nat({ max: 10_000 })
const field = fc.constantFrom(...FIELDS)
const shift = fc.integer({ min: -172_800_000, max: 172_800_000 })
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('top' as const), at: index, field, value: index }),
  fc.record({ kind: fc.constant('inner' as const), at: index, key: index, value: index }),
  fc.record({ kind: fc.constant('inner' as const), at: index, key: index, value: index }),
  fc.record({ kind: fc.constant('drop' as const), at: index }),
  fc.record({ kind: fc.constant('copy' as const), at: index, shift }),
  fc.record({ kind: fc.constant('swap' as const), at: index, with: index }),
  fc.record({ kind: fc.constant('retarget' as const), at: index, with: index }),
  fc.record({ kind: fc.constant('restamp' as const), at: index, shift }),
  fc.record({ kind: fc.constant('borrow' as const), at: index, with: index, field }),
)

/**
 * Random mutations of the mission's real file: one to three changes altered — a field of the
 * change or of its value replaced by a value of another type or outside its rules, a change
 * dropped, copied under a new stamp, its value swapped with another's, pointed at another
 * record, restamped, or given another change's field. Drawn with a fixed seed: the same cases
 * every run, each named by its operations.
 */
export function randomMutations(count: number, seed: number): HostileCase[] {
  return fc
    .sample(fc.array(operation, { minLength: 1, maxLength: 3 }), { numRuns: count, seed })
    .map((operations) => ({
      label: `random mutation ${JSON.stringify(operations)}`,
      setAside: false,
      place: (at: Place) => {
        let changes = at.changes
        for (const op of operations) changes = apply(changes, op)
        return writeChanges(at, changes)
      },
    }))
}

function apply(changes: ChangeRow[], op: Operation): ChangeRow[] {
  if (changes.length === 0) return changes
  const i = op.at % changes.length
  const change = changes[i] as ChangeRow
  const pick = (n: number) => POOL[n % POOL.length]
  const other = (n: number) => changes[n % changes.length] as ChangeRow
  const record = change as unknown as Record<string, unknown>
  switch (op.kind) {
    case 'top':
      record[op.field] = pick(op.value)
      return changes
    case 'inner': {
      if (change.op === 'insert') {
        const values = valueOf(change)
        const keys = [...Object.keys(values), 'champ_inconnu']
        const key = keys[op.key % keys.length] as string
        change.new_value = JSON.stringify({ ...values, [key]: pick(op.value) })
      } else change.new_value = JSON.stringify(pick(op.value))
      return changes
    }
    case 'drop':
      return changes.filter((_, n) => n !== i)
    case 'copy':
      return [...changes, { ...change, hlc: shifted(change.hlc, op.shift || 1) }]
    case 'swap': {
      const that = other(op.with)
      ;[change.new_value, that.new_value] = [that.new_value, change.new_value]
      return changes
    }
    case 'retarget':
      change.row_id = other(op.with).row_id
      return changes
    case 'restamp':
      change.hlc = shifted(change.hlc, op.shift)
      return changes
    case 'borrow':
      record[op.field] = (other(op.with) as unknown as Record<string, unknown>)[op.field]
      return changes
  }
}

function shifted(stamp: string, by: number): string {
  try {
    const parsed = parseHlc(stamp)
    return formatHlc({ millis: parsed.millis + by, counter: parsed.counter }, parsed.replicaId)
  } catch {
    return stamp
  }
}
