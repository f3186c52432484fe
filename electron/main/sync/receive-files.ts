import { sql } from 'kysely'
import type { DataFile } from '../db/data-file'
import { FILE_INFO } from '../db/file-identity'
import { LATEST_VERSION } from '../db/migrations'
import type { SkippedFile } from '@shared/sync/schema'
import { type ChangeFile, decodeChangeFile } from './change-file'
import { type SchemaRules, readSchemaRules } from './column-rules'
import { type MergeOutcome, mergeChanges } from './merge'
import { seenBy } from './seen'
import { SetAside, type SetAsideList, parseSetAside, refused, stillAside } from './set-aside'
import type { SyncTarget, TargetEntry } from './sync-target'

export interface Received {
  received: number
  conflicts: number
  skipped: SkippedFile[]
  /** Whether a file merged changed anything the accounts check reads. */
  touchesAccounts: boolean
}

/**
 * Merges every file of the other copies not yet applied, each in its own transaction, and sets
 * aside — with the copy, the file and the reason — each one that fails a check, going on with
 * the others: a bad file never blocks the sync. A file waiting for a record another file creates
 * is tried again once the others are in (a copy's folder may sort before the folder of the copy
 * whose record it edits); a file set aside is tried again at the next sync, unless its bytes and
 * the application are those that refused it.
 */
export async function receiveFiles(
  file: DataFile,
  target: SyncTarget,
  datasetId: string,
  key: Buffer | null,
  author: string,
): Promise<Received> {
  const replicaId = file.info().replicaId
  const applied = new Set(
    (await file.db.selectFrom('sync_files').select('name').execute()).map((f) => f.name),
  )
  const keptAside = await infoOf(file, FILE_INFO.syncSetAside)
  const before = parseSetAside(keptAside)
  const after = new Map<string, SetAsideList[string]>()
  const result: Received = { received: 0, conflicts: 0, skipped: [], touchesAccounts: false }
  let pending = (await target.others(replicaId)).filter((entry) => !applied.has(entry.name))
  let rules: SchemaRules | null = null
  // Read from the change log once per copy (a scan of its whole history), then kept: the first
  // sync, which writes that whole history anyway, pays for it, not the merge of a new copy's
  // first file.
  const { heard, kept } = await heardFromEach(file)
  for (;;) {
    // What the files applied in this pass create: a file waiting for one of them is tried again
    // (each pass creates records the one before did not, so the passes end).
    const created = new Set<string>()
    const waiting: { entry: TargetEntry; needs: string | null }[] = []
    for (const entry of pending) {
      const fingerprint = await target.fingerprint(entry).catch(() => null)
      const known = before[entry.name]
      if (stillAside(known, fingerprint, LATEST_VERSION)) {
        after.set(entry.name, known)
        continue
      }
      try {
        rules ??= await readSchemaRules(file.db)
        const outcome = await applyFile(file, target, entry, {
          datasetId,
          key,
          author,
          rules,
          heard,
        })
        result.received += outcome.applied
        result.conflicts += outcome.conflicts
        result.touchesAccounts ||= outcome.touchesAccounts
        for (const record of outcome.created) created.add(record)
        after.delete(entry.name)
      } catch (error) {
        if (!(error instanceof SetAside)) throw error
        const skipped = {
          name: entry.name,
          replicaId: entry.replicaId,
          reason: error.reason,
          detail: error.detail,
        }
        after.set(entry.name, { fingerprint, version: LATEST_VERSION, skipped })
        if (error.reason === 'waiting') waiting.push({ entry, needs: error.needs })
      }
    }
    pending = waiting.filter((w) => w.needs !== null && created.has(w.needs)).map((w) => w.entry)
    if (pending.length === 0) break
  }
  result.skipped = [...after.values()].map((entry) => entry.skipped)
  const aside = JSON.stringify(Object.fromEntries(after))
  // Written only when it changed: a sync with nothing set aside commits nothing more.
  if (aside !== keptAside || !kept) {
    await file.write('sync', async (writer) => {
      await putInfo(writer.trx, FILE_INFO.syncSetAside, aside)
      if (!kept) await putHeard(writer.trx, file, heard)
    })
  }
  return result
}

interface ApplyContext {
  datasetId: string
  key: Buffer | null
  author: string
  rules: SchemaRules
  /** What this copy has heard from each other copy, kept current as files are applied. */
  heard: Record<string, string>
}

/** Reads, checks and merges one file in one transaction; a {@link SetAside} says why not. */
async function applyFile(
  file: DataFile,
  target: SyncTarget,
  entry: TargetEntry,
  context: ApplyContext,
): Promise<MergeOutcome> {
  const decoded = decodeChangeFile(await target.read(entry), context.key)
  if (!decoded.ok) throw new SetAside(decoded.reason)
  const changes: ChangeFile = decoded.file
  if (changes.datasetId !== context.datasetId) throw new SetAside('other_dataset')
  // Written by a newer version of the application: kept waiting until this one is updated.
  if (changes.schemaVersion > LATEST_VERSION) throw new SetAside('newer_schema')
  if (changes.replicaId !== entry.replicaId) {
    throw refused('sync.refused.fileReplica', {
      claimed: changes.replicaId.slice(0, 20),
      replica: entry.replicaId,
    })
  }
  const outcome = await file.write(context.author, async (writer) => {
    const now = new Date()
    let merged: MergeOutcome
    try {
      merged = await mergeChanges(writer.trx, changes.changes as unknown[], {
        rules: context.rules,
        sender: entry.replicaId,
        receiver: file.info().replicaId,
        now: now.getTime(),
        heardFrom: context.heard[entry.replicaId] ?? '',
        seen: seenBy(changes.seen),
        foundAt: now.toISOString(),
      })
    } catch (error) {
      throw asRefusal(error)
    }
    await writer.trx
      .insertInto('sync_files')
      .values({
        name: entry.name,
        replica_id: entry.replicaId,
        changes: changes.changes.length,
        applied_at: now.toISOString(),
      })
      .execute()
    if (merged.latest && merged.latest > (context.heard[entry.replicaId] ?? '')) {
      await putHeard(writer.trx, file, { ...context.heard, [entry.replicaId]: merged.latest })
    }
    // Checked not to be further ahead than the clock allows (change-rules.ts).
    if (merged.latest) file.receiveClock(merged.latest)
    return merged
  })
  if (outcome.latest && outcome.latest > (context.heard[entry.replicaId] ?? '')) {
    context.heard[entry.replicaId] = outcome.latest
  }
  return outcome
}

/**
 * A refusal of SQLite's own (a CHECK across columns, a constraint the rules do not read) sets
 * the file aside like any other, with SQLite's words; any other failure (the disk, the file
 * gone) is not the file's and stops the sync.
 */
function asRefusal(error: unknown): unknown {
  if (error instanceof SetAside) return error
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'SQLITE_CONSTRAINT' || code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG') {
    const message = error instanceof Error ? error.message : String(error)
    return refused('sync.refused.constraint', {
      detail: message.split('\n')[0]?.slice(0, 200) ?? '',
    })
  }
  return error
}

/**
 * The latest change this copy has of each other copy: kept in file_info as files are applied,
 * read once from the change log the first time (or when the file took a new identity).
 */
async function heardFromEach(
  file: DataFile,
): Promise<{ heard: Record<string, string>; kept: boolean }> {
  const kept = await infoOf(file, FILE_INFO.syncHeard)
  if (kept) {
    try {
      const parsed = JSON.parse(kept) as { by?: string; heard?: Record<string, string> }
      if (parsed.by === file.info().replicaId && parsed.heard) {
        return { heard: { ...parsed.heard }, kept: true }
      }
    } catch {
      // Read again below.
    }
  }
  const rows = await sql<{ replica_id: string; hlc: string }>`
    SELECT replica_id, max(hlc) AS hlc FROM change_log GROUP BY replica_id`.execute(file.db)
  return {
    heard: Object.fromEntries(rows.rows.map((row) => [row.replica_id, row.hlc])),
    kept: false,
  }
}

async function putHeard(
  trx: Parameters<typeof putInfo>[0],
  file: DataFile,
  heard: Record<string, string>,
): Promise<void> {
  await putInfo(trx, FILE_INFO.syncHeard, JSON.stringify({ by: file.info().replicaId, heard }))
}

export async function infoOf(file: DataFile, key: string): Promise<string | null> {
  const row = await file.db
    .selectFrom('file_info')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst()
  return row?.value ?? null
}

export async function putInfo(
  trx: Parameters<Parameters<DataFile['write']>[1]>[0]['trx'],
  key: string,
  value: string,
): Promise<void> {
  await trx
    .insertInto('file_info')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}
