import { AsyncLocalStorage } from 'node:async_hooks'
import { randomBytes, randomUUID } from 'node:crypto'
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { Kysely, type Transaction } from 'kysely'
import { AppFailure } from '../failure'
import { HybridLogicalClock, type HlcState } from '../changelog/hlc'
import { RecordWriter } from '../changelog/record-writer'
import { Sqlite3Dialect, statementQueue } from './sqlite3-dialect'
import { migrate } from './migrate'
import { LATEST_VERSION } from './migrations'
import type { Database } from './schema'
import { FILE_INFO } from './file-identity'
import { inspect } from './inspect'
import { type IntegrityCheck, OpenCheck, type OpenCheckState } from './open-check'
import { homeOf, identityChanges } from './identity'
import { exists, verifyIntegrity } from './read-only'
import {
  type NativeDatabase,
  OPEN_READONLY,
  OPEN_READWRITE,
  allRows,
  exec,
  openNative,
} from './sqlite-native'
import { fileFailure } from '../files/file-failure'
import { writeAtomically } from '../files/atomic-file'
import { backupBeforeMigration, buildEmptyFile, openExclusive } from './data-file-setup'

export interface DataFileInfo {
  path: string
  schemaVersion: number
  replicaId: string
  isDemo: boolean
  readOnly: boolean
}

/** What a rehearsal throws to roll its transaction back. */
const ROLLED_BACK = new Error('rolled back')

/** Files from this size on open quickly, checked in full in the background (32 MiB: ~30 ms). */
const QUICK_OPEN_ABOVE = 32 * 1024 * 1024

/** How long a write waits for the background check of a file just opened before it is refused. */
const WRITE_HOLD_MS = 1500

/**
 * An open AIMF Finances file: one SQLite database, held exclusively by this process, with its
 * change clock. Reads go through `db`; every change goes through {@link DataFile.write}.
 */
export class DataFile {
  private constructor(
    readonly path: string,
    private readonly root: Kysely<Database>,
    private readonly native: NativeDatabase,
    private readonly clock: HybridLogicalClock,
    private readonly isDemo: boolean,
    /** For a file opened only to be looked at: the private copy it is read from. */
    private readonly viewCopy: string | null = null,
  ) {}

  /** The full check of a file opened quickly, while it runs in the background (open-check.ts). */
  private openCheck: OpenCheck | null = null

  /** The batch under way, if any: its transaction serves every read meanwhile. */
  private batchOf: {
    trx: Transaction<Database>
    writer: RecordWriter
    /** True: its actions' statements are waited for only by {@link settle} and at its end. */
    pipelined: boolean
    /** What {@link batchScope} holds for the batch's own work, and only for it. */
    scope: object
    /** Settled when the batch's work is over. */
    ended: Promise<void>
  } | null = null

  /**
   * Tells the batch's own actions (called, however deep, from its work) from actions made
   * beside it — a save from the window, the automatic sync — while it runs.
   */
  private readonly batchScope = new AsyncLocalStorage<object>()

  /** Whether the caller is the batch's own work. */
  private inBatch(): boolean {
    return this.batchOf !== null && this.batchScope.getStore() === this.batchOf.scope
  }

  /**
   * Waits, for an action made beside a batch, until no batch of another caller is under way:
   * it then runs in its own transaction. Joined to the batch, it would be committed with it —
   * or silently undone with a dry run's rehearsal, or cut off half-written when the batch ends
   * — while its caller was told it was saved.
   */
  private async besideBatch(): Promise<void> {
    while (this.batchOf && !this.inBatch()) await this.batchOf.ended
  }

  /** Where reads go: the database, or the transaction of the batch under way. */
  get db(): Kysely<Database> {
    return this.batchOf?.trx ?? this.root
  }

  /**
   * Runs many actions as one transaction (an import): every service call inside it reads and
   * writes through that transaction, so the whole is committed together or not at all, and the
   * disk is waited for once. An action made meanwhile from elsewhere waits for it to end, then
   * runs in its own transaction ({@link besideBatch}); reads from elsewhere see the batch's
   * writes as they go.
   *
   * `pipelined`: an action returns once its statements are queued, not written — SQLite writes
   * them while the next action is prepared (reads still see them: they run after them). A
   * statement's failure is then told by the next {@link settle}, not by the action that wrote
   * it: for a pass that only needs to know whether all was written (an import's first pass,
   * which, refused, is run again action by action to find the rows).
   */
  async batch<T>(
    author: string,
    work: () => Promise<T>,
    options: { pipelined?: boolean } = {},
  ): Promise<T> {
    if (this.inBatch()) return work()
    await this.besideBatch()
    return this.write(author, async (writer) => {
      let end = () => {}
      const ended = new Promise<void>((resolve) => (end = resolve))
      const scope = {}
      this.batchOf = {
        trx: writer.trx,
        writer,
        pipelined: options.pipelined === true,
        scope,
        ended,
      }
      try {
        return await this.batchScope.run(scope, work)
      } finally {
        this.batchOf = null
        end()
      }
    })
  }

  /**
   * Waits until everything the batch under way has queued is written; throws the first
   * statement that failed (see {@link batch}).
   */
  async settle(): Promise<void> {
    await this.batchOf?.writer.settle()
  }

  /**
   * Runs many actions as one transaction, as {@link batch} does, then rolls it all back: what
   * they would do is known (a dry run of an import), and the file stays as it was, byte for
   * byte. Nothing is written to the disk but the journal of the transaction, which is undone.
   */
  async rehearse<T>(
    author: string,
    work: () => Promise<T>,
    options: { pipelined?: boolean } = {},
  ): Promise<T> {
    if (this.inBatch()) throw new Error('A rehearsal cannot run inside another batch')
    await this.besideBatch()
    let result: { value: T } | null = null
    try {
      await this.batch(
        author,
        async () => {
          result = { value: await work() }
          throw ROLLED_BACK
        },
        options,
      )
    } catch (error) {
      if (error !== ROLLED_BACK) throw error
    }
    if (!result) throw new Error('A rehearsal ended without its result')
    return (result as { value: T }).value
  }

  /**
   * Opens a file — a damaged one — only to look at it: a private copy is read, never the file,
   * so nothing can be written to it, not even SQLite's own journal; every write is refused.
   */
  static async openForViewing(path: string): Promise<DataFile> {
    const folder = await mkdtemp(join(tmpdir(), 'aimf-view-'))
    const copy = join(folder, basename(path))
    try {
      await copyFile(path, copy)
      await copyFile(`${path}-wal`, `${copy}-wal`).catch(() => undefined)
      const native = await openNative(copy, OPEN_READONLY)
      const db = new Kysely<Database>({ dialect: new Sqlite3Dialect(native) })
      const [version] = await allRows<{ user_version: number }>(native, 'PRAGMA user_version')
      if ((version?.user_version ?? 0) !== LATEST_VERSION) {
        await db.destroy()
        throw new AppFailure('FILE_DAMAGED', 'errors.FILE_DAMAGED', {
          path,
          detail: `schema ${version?.user_version ?? 0}`,
        })
      }
      const rows = await db
        .selectFrom('file_info')
        .selectAll()
        .execute()
        .catch(() => [])
      const info = new Map(rows.map((row) => [row.key, row.value]))
      const clock = new HybridLogicalClock(info.get(FILE_INFO.replicaId) ?? 'view')
      return new DataFile(path, db, native, clock, info.get(FILE_INFO.isDemo) === '1', folder)
    } catch (error) {
      await rm(folder, { recursive: true, force: true })
      throw await fileFailure(error, path)
    }
  }

  /**
   * Where the background check of a file opened quickly stands: `passed` for a file checked in
   * full at opening.
   */
  get checkState(): OpenCheckState {
    return this.openCheck?.state ?? 'passed'
  }

  /** Settles when the background check is over; what it found damaged, if anything. */
  async checked(): Promise<AppFailure | null> {
    if (!this.openCheck) return null
    await this.openCheck.done
    return this.openCheck.damage
  }

  /** True for a file opened only to be looked at. */
  get readOnly(): boolean {
    return this.viewCopy !== null
  }

  /**
   * Opens an existing file, migrating it (after a verified backup) if it is older.
   *
   * `quickly`: the file is shown from a fast check, and SQLite's full integrity check runs in
   * the background, writes held until it passes ({@link checkState}). A file to be migrated is
   * checked in full first, as before: its schema is about to be changed.
   */
  static async open(
    path: string,
    options: { quickly?: boolean; integrityCheck?: IntegrityCheck; quicklyAbove?: number } = {},
  ): Promise<DataFile> {
    // A small file is checked in full in less time than the first screen takes to draw.
    const large =
      ((await stat(path).catch(() => null))?.size ?? 0) >=
      (options.quicklyAbove ?? QUICK_OPEN_ABOVE)
    const fast = options.quickly === true && large && (await inspect(path, { fast: true }))
    const quickly = fast !== false && fast.version === LATEST_VERSION
    const inspection = quickly ? fast : await inspect(path)
    if (inspection.version < LATEST_VERSION) {
      await backupBeforeMigration(path)
    }
    const native = await openExclusive(path, OPEN_READWRITE)
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect(native) })
    try {
      await migrate(db, inspection.version)
      const file = await DataFile.load(path, db, native)
      if (quickly) {
        // What opening wrote (the copy's identity) is moved into the file itself: the check
        // reads the file alone, which nothing changes until it has passed.
        await exec(native, 'PRAGMA wal_checkpoint(TRUNCATE)')
        file.openCheck = new OpenCheck(path, options.integrityCheck)
      }
      return file
    } catch (error) {
      // Through Kysely: its prepared statements are finalized, or the file would stay open.
      await db.destroy().catch(() => undefined)
      throw await fileFailure(error, path)
    }
  }

  /**
   * Creates a new file. It is built under a temporary name and takes its name only when
   * complete, and only if no file holds that name — not even one that appeared meanwhile (two
   * `aimf new` at once: one creates, the other is told the file exists).
   */
  static async create(path: string, options: { isDemo?: boolean } = {}): Promise<DataFile> {
    if (await exists(path)) throw new AppFailure('FILE_EXISTS', 'errors.FILE_EXISTS', { path })
    await writeAtomically(path, (building) => buildEmptyFile(building, path, options), {
      exclusive: true,
      verify: (building) => verifyIntegrity(building, path),
    })
    return DataFile.open(path)
  }

  private static async load(path: string, db: Kysely<Database>, native: NativeDatabase) {
    const rows = await db.selectFrom('file_info').selectAll().execute()
    const info = new Map(rows.map((row) => [row.key, row.value]))
    let replicaId = info.get(FILE_INFO.replicaId)
    // Where this copy lives (device and file number). A file copied by hand — file manager, USB
    // stick — is a new file there: it takes an identity of its own before it ever syncs, so
    // that two copies never pass for one. A file only moved or renamed keeps its number.
    const home = await homeOf(path)
    const savedHome = info.get(FILE_INFO.replicaHome)
    if (!replicaId || (savedHome !== undefined && savedHome !== home)) {
      // Also an AIMF file without an identity (written before identities existed).
      replicaId = randomBytes(8).toString('hex')
    }
    const changes: Record<string, string | null> = identityChanges(info, path, home)
    if (replicaId !== info.get(FILE_INFO.replicaId)) changes[FILE_INFO.replicaId] = replicaId
    if (savedHome !== home) changes[FILE_INFO.replicaHome] = home
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) await db.deleteFrom('file_info').where('key', '=', key).execute()
      else
        await db
          .insertInto('file_info')
          .values({ key, value })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
          .execute()
    }
    const saved = info.get(FILE_INFO.clock)
    const last: HlcState | undefined = saved ? (JSON.parse(saved) as HlcState) : undefined
    const clock = new HybridLogicalClock(replicaId, last)
    return new DataFile(path, db, native, clock, info.get(FILE_INFO.isDemo) === '1')
  }

  /**
   * Calls `listener` with each SQL statement as SQLite runs it, values bound in, until the
   * returned function is called: for tests of query plans and for support.
   */
  traceStatements(listener: (statement: string) => void): () => void {
    this.native.on('trace', listener)
    return () => {
      this.native.off('trace', listener)
    }
  }

  info(): DataFileInfo {
    return {
      path: this.path,
      schemaVersion: LATEST_VERSION,
      replicaId: this.clock.replicaId,
      isDemo: this.isDemo,
      readOnly: this.readOnly,
    }
  }

  /**
   * Runs one user action as one transaction: the records it writes, their change-log rows and
   * the clock are committed together, or nothing is.
   */
  async write<T>(author: string, work: (writer: RecordWriter) => Promise<T>): Promise<T> {
    if (this.readOnly)
      throw new AppFailure('FILE_READ_ONLY', 'errors.FILE_READ_ONLY', { path: this.path })
    await this.besideBatch()
    if (this.batchOf) {
      const { writer, pipelined } = this.batchOf
      const result = await work(writer)
      // An action inside a batch fails by its own statements, as alone (unless pipelined).
      if (!pipelined) await writer.settle()
      return result
    }
    await this.openCheck?.awaitWritable(WRITE_HOLD_MS)
    await this.assertStillThere()
    try {
      return await this.root.transaction().execute(async (trx) => {
        const writer = new RecordWriter(
          trx,
          {
            author,
            clock: this.clock,
            txId: randomUUID(),
            now: new Date().toISOString(),
          },
          statementQueue(this.native),
        )
        try {
          const result = await work(writer)
          await writer.flush()
          await trx
            .insertInto('file_info')
            .values({ key: FILE_INFO.clock, value: JSON.stringify(this.clock.snapshot()) })
            .onConflict((oc) =>
              oc.column('key').doUpdateSet({ value: (eb) => eb.ref('excluded.value') }),
            )
            .execute()
          return result
        } finally {
          // Committed or rolled back after the statements queued (the connection runs them in
          // order); whatever would be queued later is refused.
          writer.close()
        }
      })
    } catch (error) {
      throw await fileFailure(error, this.path)
    }
  }

  /** The file's identity on disk, taken at its first write, to notice it went away. */
  private identity: { dev: number; ino: number } | null = null

  /**
   * Refuses to write when the file is no longer where it was opened — a USB stick pulled out, a
   * network share gone: the open connection would write to a file nobody can reach again.
   * Nothing is written; the data already saved is in the file, and plugging the drive back in
   * lets the work go on.
   */
  private async assertStillThere(): Promise<void> {
    const now = await stat(this.path).catch(() => null)
    if (
      now &&
      (this.identity === null || (now.dev === this.identity.dev && now.ino === this.identity.ino))
    ) {
      this.identity ??= { dev: now.dev, ino: now.ino }
      return
    }
    throw new AppFailure('FILE_GONE', 'errors.FILE_GONE', { path: this.path })
  }

  /**
   * Runs the filling of a file just created (the demo, a generated test file) without waiting
   * for the disk at each commit: each action stays one transaction, but a power cut during the
   * fill may lose the file — which was being made from nothing and is made again. Full
   * durability is back, and the journal checkpointed, before this returns.
   */
  async fill<T>(work: () => Promise<T>): Promise<T> {
    await exec(this.native, 'PRAGMA synchronous = OFF;')
    try {
      return await work()
    } finally {
      await exec(this.native, 'PRAGMA synchronous = FULL; PRAGMA wal_checkpoint(TRUNCATE);')
    }
  }

  /** Moves this copy's clock past a stamp from another copy (a sync), saved at the next write. */
  receiveClock(stamp: string): void {
    this.clock.receive(stamp)
  }

  /** The underlying connection, for the backup API. */
  nativeHandle(): NativeDatabase {
    return this.native
  }

  async close(): Promise<void> {
    this.openCheck?.cancel()
    await this.root.destroy()
    if (this.viewCopy) await rm(this.viewCopy, { recursive: true, force: true })
  }
}
