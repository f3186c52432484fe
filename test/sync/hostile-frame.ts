import { randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type ChangeRow, encodeChangeFile } from '../../electron/main/sync/change-file'
import { formatHlc, parseHlc } from '@shared/sync/stamps'

/*
 * What the hostile cases of the sync are made with: where a case writes its file, the mission's
 * real changes it starts from, and the helpers that change them.
 */

/** Where a case writes its file: the dataset's folder of the shared folder, and who is who. */
export interface Place {
  root: string
  datasetId: string
  /** The mission laptop, whose real changes the cases start from. */
  sender: string
  /** The copy that receives (its identity is its own in each case). */
  receiver: string
  /** Another laptop, whose folder a case may pretend to be. */
  witness: string
  /** The mission's real changes, a copy for this case. */
  changes: ChangeRow[]
}

export interface HostileCase {
  label: string
  /** A class the rules refuse: the file must be set aside (random mutations may go in). */
  setAside: boolean
  /** Writes the file (a link, a pipe…) and answers its name as the sync reports it. */
  place(at: Place): Promise<string>
}

export const FILE = '000000000900-000000000999.aimfsync'

/** Writes changes as a change file of a copy's folder. */
export async function writeChanges(
  at: Place,
  changes: readonly unknown[],
  options: { folder?: string; replicaId?: string; datasetId?: string; schemaVersion?: number } = {},
): Promise<string> {
  const folder = options.folder ?? at.sender
  const bytes = encodeChangeFile({
    datasetId: options.datasetId ?? at.datasetId,
    replicaId: options.replicaId ?? folder,
    schemaVersion: options.schemaVersion ?? 1,
    changes: changes as ChangeRow[],
  })
  return writeBytes(at, bytes, folder)
}

export async function writeBytes(at: Place, bytes: Buffer, folder = at.sender): Promise<string> {
  await mkdir(join(at.root, folder), { recursive: true })
  await writeFile(join(at.root, folder, FILE), bytes)
  return `${folder}/${FILE}`
}

/** A new stamp of the sender, after every stamp of its file. */
export function stampAfter(at: Place, step = 1, replica = at.sender): string {
  const latest = at.changes.reduce((max, c) => (c.hlc > max ? c.hlc : max), '')
  return formatHlc({ millis: parseHlc(latest).millis + step, counter: 0 }, replica)
}

/** The first change that fits, to be changed by a case. */
export function find(
  at: Place,
  test: (change: ChangeRow, value: Record<string, unknown>) => boolean,
) {
  const change = at.changes.find((c) => test(c, valueOf(c)))
  if (!change) throw new Error('The mission’s file has no such change')
  return change
}

export function valueOf(change: ChangeRow): Record<string, unknown> {
  const value = JSON.parse(change.new_value ?? 'null') as unknown
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

/** Changes one field of an insert's values. */
export function setField(change: ChangeRow, field: string, value: unknown): void {
  change.new_value = JSON.stringify({ ...valueOf(change), [field]: value })
}

export const inserts = (table: string) => (c: ChangeRow) =>
  c.table_name === table && c.op === 'insert'

/** A change the mission never made, stamped after its others, of the same transaction shape. */
export function newChange(at: Place, fields: Partial<ChangeRow>, step = 1): ChangeRow {
  const model = at.changes.at(-1) as ChangeRow
  return {
    ...model,
    hlc: stampAfter(at, step),
    tx_id: randomUUID(),
    row_id: randomUUID(),
    old_value: null,
    ...fields,
  }
}

/** Changes the mission's changes in place, or answers the changes to write instead. */
type Mutation = (at: Place) => unknown

/** A case that mutates the mission's changes and writes them as its file. */
export function mutated(label: string, mutation: Mutation): HostileCase {
  return {
    label,
    setAside: true,
    place: async (at) => {
      const changes = mutation(at)
      return writeChanges(at, Array.isArray(changes) ? changes : at.changes)
    },
  }
}
