import type { ChangeRow } from '../../electron/main/sync/change-file'
import { formatHlc } from '@shared/sync/stamps'
import { type HostileCase, find, inserts, mutated } from './hostile-frame'

/**
 * Changes that are not what the core writes, or not from where they say: stamps malformed, ahead
 * of this clock or out of order; another copy's identity or this copy's own; an author or a time
 * that is none; an op that does not fit its column; a table or a record id the sync never
 * carries; one stamp for two changes.
 */
export function originCases(): HostileCase[] {
  return [
    mutated('a malformed clock stamp', (at) => {
      find(at, inserts('funders')).hlc = '2026-13-45T99:00:00.000Z-0000-zzzz'
    }),
    mutated('a stamp two days ahead of this clock', (at) => {
      const change = find(at, inserts('funders'))
      change.hlc = formatHlc({ millis: Date.now() + 2 * 86_400_000, counter: 0 }, at.sender)
    }),
    mutated('a stamp ten years ahead', (at) => {
      const change = find(at, inserts('funders'))
      change.hlc = formatHlc({ millis: Date.now() + 3650 * 86_400_000, counter: 0 }, at.sender)
      change.recorded_at = new Date(Date.now() + 3650 * 86_400_000).toISOString()
    }),
    mutated('a change claiming this copy’s own replica id, by another author', (at) => {
      const change = find(at, inserts('funders'))
      change.replica_id = at.receiver
      change.hlc = change.hlc.replace(/[0-9a-f]{16}$/, at.receiver)
      change.author = 'Quelqu’un d’autre'
    }),
    mutated('a change claiming another copy than its folder', (at) => {
      const change = find(at, inserts('funders'))
      change.replica_id = at.witness
      change.hlc = change.hlc.replace(/[0-9a-f]{16}$/, at.witness)
    }),
    mutated('a stamp of another copy than the change says', (at) => {
      const change = find(at, inserts('funders'))
      change.hlc = change.hlc.replace(/[0-9a-f]{16}$/, at.witness)
    }),
    mutated('an empty author', (at) => {
      for (const change of at.changes) change.author = ''
    }),
    mutated('a change slipped into an action under another author', (at) => {
      find(at, inserts('receipts')).author = 'Intrus'
    }),
    mutated('a time that is not a time', (at) => {
      find(at, inserts('funders')).recorded_at = 'hier'
    }),
    mutated('an insert under the column of an update', (at) => {
      find(at, inserts('funders')).op = 'update'
    }),
    mutated('an archive that restores', (at) => {
      find(at, (c) => c.op === 'delete').op = 'restore'
    }),
    mutated('an unknown operation', (at) => {
      find(at, (c) => c.op === 'update').op = 'drop' as ChangeRow['op']
    }),
    mutated('an unknown table', (at) => {
      find(at, inserts('funders')).table_name = 'sqlite_master'
    }),
    mutated('a local table', (at) => {
      find(at, inserts('funders')).table_name = 'file_info'
    }),
    mutated('a record id that is not a UUID', (at) => {
      const change = find(at, inserts('funders'))
      for (const c of at.changes) if (c.row_id === change.row_id) c.row_id = '../../etc'
    }),
    mutated('two different changes with one stamp', (at) => [
      ...at.changes,
      { ...find(at, (c) => c.op === 'update'), new_value: '"autre"' },
    ]),
    mutated('a change stamped before the change it follows (a clock gone back)', (at) => {
      const first = at.changes[0]
      const last = at.changes.at(-1)
      if (!first || !last) throw new Error('an empty mission file')
      // The last change (a cancellation's) made to look older than the file's first one.
      const [instant = '', rest = ''] = first.hlc.split(/Z-(.*)/s)
      const earlier = `${new Date(Date.parse(`${instant}Z`) - 1).toISOString().slice(0, -1)}Z-${rest}`
      return [...at.changes.slice(0, -1), { ...last, hlc: earlier }]
    }),
  ]
}
