import { randomBytes, scryptSync } from 'node:crypto'
import { stat } from 'node:fs/promises'
import type { RecordWriter } from '../changelog/record-writer'
import { FILE_INFO, newIdentity } from '../db/file-identity'
import type { DataFile } from '../db/data-file'
import { backupTo } from '../db/sqlite-native'
import { settleCopy } from '../db/identity'
import { verifyIntegrity } from '../db/read-only'
import { writeAtomically } from '../files/atomic-file'
import { AppFailure } from '../failure'
import type { Language } from '@shared/i18n/locale'
import {
  type ConnectServerInput,
  type LastSync,
  type PostgresSettings,
  type SyncConflict,
  type SyncReport,
  type SyncStatus,
  postgresSettings,
} from '@shared/sync/schema'
import { FolderTarget } from './folder-target'
import { PostgresTarget } from './postgres-target'
import { receiveFiles } from './receive-files'
import { sendChanges } from './send-changes'
import { parseSetAside } from './set-aside'
import { type Cancellers, SyncReview } from './review'
import { correctConcurrentSplits } from './split-corrections'
import { ServerPasswords } from './server-passwords'
import type { SyncTarget } from './sync-target'

/**
 * Offline work merged back (issue 10): each copy of a file — the office's, a mission laptop's —
 * writes its own changes to a shared folder and merges the others' (merge.ts). What only the
 * merge broke in the accounts (two offline allocations that together exceed an agreement) is
 * listed for review with the figures, like the conflicts.
 */
export class SyncService {
  constructor(
    private readonly file: DataFile,
    private readonly language: () => Language = () => 'fr',
    private readonly passwords = new ServerPasswords(null),
    /** How many changes one change file holds at most. */
    private readonly changesPerFile = 20_000,
  ) {
    this.review = new SyncReview(file, language)
  }

  private readonly review: SyncReview

  /** The dataset this copy belongs to, given one the first time it is asked. */
  async datasetId(): Promise<string> {
    const found = await this.info(FILE_INFO.datasetId)
    if (found) return found
    const id = newDatasetId()
    await this.setInfo(FILE_INFO.datasetId, id)
    return id
  }

  async status(): Promise<SyncStatus> {
    const db = this.file.db
    const synced = Number((await this.info(FILE_INFO.syncedSeq)) ?? 0)
    const [unsent, files, review] = await Promise.all([
      this.unsent(synced)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst(),
      db
        .selectFrom('sync_files')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst(),
      db
        .selectFrom('sync_conflicts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('resolved_at', 'is', null)
        .executeTakeFirst(),
    ])
    const last = await this.info(FILE_INFO.syncLast)
    const server = parseServer(await this.info(FILE_INFO.syncServer))
    return {
      // Read, not made: a file opened only to be looked at is never written to.
      datasetId: await this.info(FILE_INFO.datasetId),
      replicaId: this.file.info().replicaId,
      folder: await this.info(FILE_INFO.syncFolder),
      server,
      serverPassword: server ? await this.passwords.where(server) : null,
      sealed: (await this.info(FILE_INFO.syncKey)) !== null,
      last: last ? (JSON.parse(last) as LastSync) : null,
      unsent: Number(unsent?.n ?? 0),
      filesApplied: Number(files?.n ?? 0),
      setAside: Object.values(parseSetAside(await this.info(FILE_INFO.syncSetAside))).map(
        (entry) => entry.skipped,
      ),
      toReview: Number(review?.n ?? 0),
    }
  }

  /** Syncs with a shared folder, which becomes this copy's target. */
  async syncFolder(folder: string, author: string): Promise<SyncReport> {
    this.refuseReadOnly()
    const datasetId = await this.datasetId()
    await this.setTarget(FILE_INFO.syncFolder, folder)
    return this.syncWith(new FolderTarget(folder, datasetId), author)
  }

  /**
   * Syncs with a PostgreSQL server, which becomes this copy's target once it has answered. The
   * password is used for this connection only: keeping it is the caller's (the system keychain).
   */
  async syncServer(
    settings: PostgresSettings,
    password: string | null,
    author: string,
  ): Promise<SyncReport> {
    this.refuseReadOnly()
    // The dataset's id is kept only once the server has let this copy in: a refused
    // connection leaves the file as it was.
    const known = await this.info(FILE_INFO.datasetId)
    const datasetId = known ?? newDatasetId()
    const target = await PostgresTarget.connect(settings, password, datasetId)
    try {
      if (!known) await this.setInfo(FILE_INFO.datasetId, datasetId)
      await this.setTarget(FILE_INFO.syncServer, JSON.stringify(settings))
    } catch (error) {
      await target.close()
      throw error
    }
    return this.syncWith(target, author)
  }

  /**
   * Joins this copy to a server and syncs; once the server has let it in, the password is kept
   * on this machine (the system's keychain), for the syncs that follow.
   */
  async connectServer(
    { password, ...settings }: ConnectServerInput,
    author: string,
  ): Promise<SyncReport> {
    const report = await this.syncServer(settings, password || null, author)
    await this.passwords.keep(settings, password)
    return report
  }

  /** Syncs with the target this copy is joined to. */
  async syncNow(author: string): Promise<SyncReport> {
    const { folder, server } = await this.status()
    if (server) return this.syncServer(server, await this.passwords.find(server), author)
    if (folder) return this.syncFolder(folder, author)
    throw new AppFailure('CONFLICT', 'errors.syncNoFolder')
  }

  /**
   * Writes this copy's new changes to the target, then merges every other copy's files not yet
   * applied, each in one transaction; then checks the accounts.
   */
  private async syncWith(target: SyncTarget, author: string): Promise<SyncReport> {
    try {
      return await this.exchange(target, author)
    } finally {
      await target.close()
    }
  }

  private async exchange(target: SyncTarget, author: string): Promise<SyncReport> {
    const datasetId = await this.datasetId()
    const sealing = await this.info(FILE_INFO.syncKey)
    const key = sealing ? Buffer.from(sealing, 'hex') : null
    const sent = await sendChanges(this.file, target, datasetId, key, this.changesPerFile)
    const { touchesAccounts, ...received } = await receiveFiles(
      this.file,
      target,
      datasetId,
      key,
      author,
    )
    const report: SyncReport = { sent, ...received, toReview: 0 }
    // The accounts are checked when a merge changed what they are made of (account-inputs.ts).
    if (touchesAccounts) {
      report.conflicts += await correctConcurrentSplits(this.file, this.language())
      report.conflicts += await this.review.checkAccounts()
    }
    report.toReview = (await this.status()).toReview
    await this.setInfo(
      FILE_INFO.syncLast,
      JSON.stringify({ ...report, at: new Date().toISOString() } satisfies LastSync),
    )
    return report
  }

  private refuseReadOnly(): void {
    if (this.file.readOnly) {
      throw new AppFailure('FILE_READ_ONLY', 'errors.FILE_READ_ONLY', { path: this.file.path })
    }
  }

  /** Joins this copy to one target, leaving the other kind. */
  private async setTarget(key: string, value: string): Promise<void> {
    const other = key === FILE_INFO.syncFolder ? FILE_INFO.syncServer : FILE_INFO.syncFolder
    // Already this copy's target: nothing to write (each write is a commit to the disk).
    if ((await this.info(key)) === value && (await this.info(other)) === null) return
    await this.file.write('sync', async (writer) => {
      await putInfo(writer.trx, key, value)
      await writer.trx
        .deleteFrom('file_info')
        .where(
          'key',
          '=',
          key === FILE_INFO.syncFolder ? FILE_INFO.syncServer : FILE_INFO.syncFolder,
        )
        .execute()
    })
  }

  /**
   * Seals what this copy writes to its target from now on (AES-256-GCM), with a key drawn from
   * the passphrase and the dataset: every copy given the same passphrase reads the others'
   * files; a mission copy made afterwards has it already. The passphrase itself is not kept.
   */
  async setPassphrase(passphrase: string): Promise<void> {
    const key = scryptSync(passphrase, `aimf-sync:${await this.datasetId()}`, 32)
    await this.setInfo(FILE_INFO.syncKey, key.toString('hex'))
  }

  /** What is listed for review, the newest first. */
  conflicts(includeResolved = false): Promise<SyncConflict[]> {
    return this.review.conflicts(includeResolved)
  }

  /** Closes a review (see {@link SyncReview.resolve}). */
  resolve(id: string, choice: 'kept' | 'other', author: string): Promise<void> {
    return this.review.resolve(id, choice, author)
  }

  /** Cancels one record of a money event entered on two copies, and closes its review. */
  cancelDuplicate(id: string, recordId: string, author: string, cancellers: Cancellers) {
    return this.review.cancelDuplicate(id, recordId, author, cancellers)
  }

  /** This copy's own changes not yet written to a target: those after the change `after`. */
  private unsent(after: number) {
    // Changes received from other copies are theirs to send: only those of copies this one
    // has never received a file from are its own (a mission copy's history included).
    return this.file.db
      .selectFrom('change_log')
      .where('seq', '>', after)
      .where('replica_id', 'not in', (eb) => eb.selectFrom('sync_files').select('replica_id'))
  }

  private async info(key: string): Promise<string | null> {
    const row = await this.file.db
      .selectFrom('file_info')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst()
    return row?.value ?? null
  }

  private async setInfo(key: string, value: string): Promise<void> {
    await this.file.write('sync', (writer) => putInfo(writer.trx, key, value))
  }
}

async function putInfo(trx: RecordWriter['trx'], key: string, value: string): Promise<void> {
  await trx
    .insertInto('file_info')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}

/** The server a copy was joined to; settings that no longer read as such are no target. */
function parseServer(json: string | null): PostgresSettings | null {
  if (!json) return null
  const parsed = postgresSettings.safeParse(JSON.parse(json))
  return parsed.success ? parsed.data : null
}

function newDatasetId(): string {
  return randomBytes(8).toString('hex')
}

/**
 * Prepares a copy of the file for a mission: a verified copy made with SQLite's backup API,
 * joined to the same dataset and target, with an identity of its own so that the two copies
 * never pass for one. Written under a temporary name and given its name only once whole and
 * verified, and never over a file (see files/atomic-file.ts): a full disk leaves nothing.
 */
export async function missionCopy(
  file: DataFile,
  sync: SyncService,
  target: string,
): Promise<string> {
  if (await exists(target))
    throw new AppFailure('FILE_EXISTS', 'errors.FILE_EXISTS', { path: target })
  await sync.datasetId()
  const replicaId = randomBytes(8).toString('hex')
  await writeAtomically(
    target,
    async (temporary) => {
      // Holding the one connection: no write lands half-way through the copy.
      await file.db.connection().execute(() => backupTo(file.nativeHandle(), temporary))
      await settleCopy(temporary, target, {
        fileId: newIdentity(),
        backupsReplica: null,
        replicaId,
      })
    },
    { exclusive: true, verify: (temporary) => verifyIntegrity(temporary, target) },
  )
  return replicaId
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}
