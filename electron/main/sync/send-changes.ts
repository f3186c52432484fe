import type { DataFile } from '../db/data-file'
import { FILE_INFO } from '../db/file-identity'
import { LATEST_VERSION } from '../db/migrations'
import { type ChangeRow, MAX_CHANGES, encodeChangeFile } from './change-file'
import { infoOf, putInfo } from './receive-files'
import { seenSteps } from './seen'
import type { SyncTarget } from './sync-target'

type Unsent = ChangeRow & { seq: number }

/**
 * Writes this copy's changes not yet sent as files of about `changesPerFile` changes each — the
 * first sync of twenty years of records (430,000 changes) never sits in memory whole —, each
 * file ending with a whole transaction: what one action wrote (a receipt and its ledger entry, a
 * tranche paid and its disbursements) always travels together, and is checked together by the
 * copy that merges it. Returns how many changes were sent.
 */
export async function sendChanges(
  file: DataFile,
  target: SyncTarget,
  datasetId: string,
  key: Buffer | null,
  changesPerFile: number,
): Promise<number> {
  let after = Number((await infoOf(file, FILE_INFO.syncedSeq)) ?? 0)
  let sent = 0
  for (;;) {
    const unsent = await unsentAfter(file, after).limit(changesPerFile).execute()
    const last = unsent.at(-1)
    if (!last) break
    // The rest of the last transaction, unless one action alone is beyond what a file may hold.
    if (unsent.length === changesPerFile) {
      const rest = await unsentAfter(file, last.seq)
        .where('tx_id', '=', last.tx_id)
        .limit(MAX_CHANGES - unsent.length)
        .execute()
      unsent.push(...rest)
    }
    const end = unsent.at(-1)
    if (!end) break
    // Each copy's changes go to that copy's folder: a copy holds another's changes it never
    // sent when it was copied before that one synced (a mission copy, a file copied by hand),
    // and a file must come from the copy that made its changes.
    const own = file.info().replicaId
    for (const run of byReplica(unsent)) {
      const first = run[0]
      const last = run.at(-1)
      if (!first || !last) continue
      // Only this copy knows what it had merged when it made its changes.
      const seen = first.replica_id === own ? await seenSteps(file, own, run) : []
      await target.write(
        first.replica_id,
        first.seq,
        last.seq,
        encodeChangeFile(
          {
            datasetId,
            replicaId: first.replica_id,
            schemaVersion: LATEST_VERSION,
            changes: run.map(({ seq: _seq, ...change }) => change),
            ...(seen.length > 0 ? { seen } : {}),
          },
          key,
        ),
      )
    }
    await file.write('sync', (writer) => putInfo(writer.trx, FILE_INFO.syncedSeq, String(end.seq)))
    sent += unsent.length
    after = end.seq
  }
  return sent
}

/** Changes in order, cut into runs of one copy each. */
function byReplica(changes: readonly Unsent[]): Unsent[][] {
  const runs: Unsent[][] = []
  for (const change of changes) {
    const run = runs.at(-1)
    if (run?.[0]?.replica_id === change.replica_id) run.push(change)
    else runs.push([change])
  }
  return runs
}

/**
 * This copy's own changes after the change `after`. Changes received from other copies are
 * theirs to send: only those of copies this one has never received a file from are its own (a
 * mission copy's history included).
 */
export function unsentAfter(file: DataFile, after: number) {
  return file.db
    .selectFrom('change_log')
    .selectAll()
    .where('seq', '>', after)
    .where('replica_id', 'not in', (eb) => eb.selectFrom('sync_files').select('replica_id'))
    .orderBy('seq')
    .$castTo<Unsent>()
}
