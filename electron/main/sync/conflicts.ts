import { INSERTED_RECORD } from '../changelog/record-writer'
import type { SyncConflictsTable } from '../db/schema'
import type { Logged } from './record-states'

export type Conflict = Omit<
  SyncConflictsTable,
  'id' | 'found_at' | 'resolved_at' | 'resolution' | 'detail'
>

type Change = Logged & { table_name: string; row_id: string }

/**
 * What an incoming change collides with: the same field changed here (to another value) and not
 * yet merged by the other copy when it made its change — `unseen` says which (merge.ts) —, or a
 * record archived on one side and edited on the other. A change the other copy had merged before
 * it changed the field again is a sequential edit, not a conflict. Inserts never collide: a record is created once, with its own id. The later change is
 * kept by the merge; the pair is listed for review — never silently.
 */
export function conflictsOf(
  change: Change,
  log: readonly Logged[],
  unseen: (local: Logged) => boolean,
): Conflict[] {
  if (change.column_name === INSERTED_RECORD) return []
  const concurrent = log.filter(
    (local) =>
      local.replica_id !== change.replica_id &&
      unseen(local) &&
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
  const archives = (c: Pick<Logged, 'column_name' | 'op'>) =>
    c.column_name === 'deleted_at' && c.op === 'delete'
  const found: Conflict[] = []
  const sameField = concurrent.filter(
    (local) => local.column_name === change.column_name && local.new_value !== change.new_value,
  )
  const latest = sameField.at(-1)
  if (latest) found.push(pair('field', latest, change.column_name))
  const edit = (c: Pick<Logged, 'column_name'>) => c.column_name !== 'deleted_at'
  const archivedHere = archives(change) ? undefined : concurrent.findLast(archives)
  const editedHere = archives(change) ? concurrent.findLast(edit) : undefined
  if (archivedHere && edit(change))
    found.push(pair('archived_edited', archivedHere, change.column_name))
  if (editedHere) found.push(pair('archived_edited', editedHere, editedHere.column_name))
  return found
}
