import { randomBytes, randomUUID } from 'node:crypto'
import {
  access,
  copyFile,
  mkdir,
  mkdtemp,
  open as openFileHandle,
  rename,
  rm,
  stat,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { Kysely, type Transaction } from 'kysely'
import { AppFailure } from '../failure'
import { HybridLogicalClock, type HlcState } from '../changelog/hlc'
import { RecordWriter } from '../changelog/record-writer'
import { Sqlite3Dialect } from './sqlite3-dialect'
import { migrate } from './migrate'
import { LATEST_VERSION } from './migrations'
import type { Database } from './schema'
import {
  AIMF_APPLICATION_ID,
  FILE_INFO,
  SQLITE_HEADER,
  backupFileName,
  backupFolderOf,
} from './file-identity'
import {
  type NativeDatabase,
  OPEN_CREATE,
  OPEN_READONLY,
  OPEN_READWRITE,
  allRows,
  backupTo,
  closeNative,
  exec,
  openNative,
  sqliteCode,
} from './sqlite-native'

export interface DataFileInfo {
  path: string
  schemaVersion: number
  replicaId: string
  isDemo: boolean
  readOnly: boolean
}

/** What a rehearsal throws to roll its transaction back. */
const ROLLED_BACK = new Error('rolled back')

/** The page size of the files this version creates (earlier files keep theirs). */
const PAGE_SIZE = 16_384

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

  /** The batch under way, if any: its transaction serves every read and write meanwhile. */
  private batchOf: { trx: Transaction<Database>; writer: RecordWriter } | null = null

  /** Where reads go: the database, or the transaction of the batch under way. */
  get db(): Kysely<Database> {
    return this.batchOf?.trx ?? this.root
  }

  /**
   * Runs many actions as one transaction (an import): every service call inside it reads and
   * writes through that transaction, so the whole is committed together or not at all, and the
   * disk is waited for once. Actions made meanwhile from elsewhere join it.
   */
  async batch<T>(author: string, work: () => Promise<T>): Promise<T> {
    if (this.batchOf) return work()
    return this.write(author, async (writer) => {
      this.batchOf = { trx: writer.trx, writer }
      try {
        return await work()
      } finally {
        this.batchOf = null
      }
    })
  }

  /**
   * Runs many actions as one transaction, as {@link batch} does, then rolls it all back: what
   * they would do is known (a dry run of an import), and the file stays as it was, byte for
   * byte. Nothing is written to the disk but the journal of the transaction, which is undone.
   */
  async rehearse<T>(author: string, work: () => Promise<T>): Promise<T> {
    if (this.batchOf) throw new Error('A rehearsal cannot run inside another batch')
    let result: { value: T } | null = null
    try {
      await this.batch(author, async () => {
        result = { value: await work() }
        throw ROLLED_BACK
      })
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
      throw asFileFailure(error, path)
    }
  }

  /** True for a file opened only to be looked at. */
  get readOnly(): boolean {
    return this.viewCopy !== null
  }

  /** Opens an existing file, migrating it (after a verified backup) if it is older. */
  static async open(path: string): Promise<DataFile> {
    const inspection = await inspect(path)
    if (inspection.version < LATEST_VERSION) {
      await backupBeforeMigration(path)
    }
    const native = await openExclusive(path, OPEN_READWRITE)
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect(native) })
    try {
      await migrate(db, inspection.version)
      return await DataFile.load(path, db, native)
    } catch (error) {
      // Through Kysely: its prepared statements are finalized, or the file would stay open.
      await db.destroy().catch(() => undefined)
      throw asFileFailure(error, path)
    }
  }

  /**
   * Creates a new file. It is built under a temporary name and renamed at the end, so a crash
   * half-way never leaves a half-made file under the chosen name.
   */
  static async create(path: string, options: { isDemo?: boolean } = {}): Promise<DataFile> {
    if (await exists(path)) throw new AppFailure('FILE_EXISTS', 'errors.FILE_EXISTS', { path })
    await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
      throw asFileFailure(error, path)
    })
    const building = `${path}.${randomUUID()}.creating`
    try {
      const native = await openNative(building, OPEN_READWRITE | OPEN_CREATE)
      await exec(
        native,
        // 16 KiB pages, set before the first table: the startup integrity check walks every
        // page, and a file of twenty years' history is checked in two thirds of the time.
        `PRAGMA page_size = ${PAGE_SIZE}; PRAGMA application_id = ${AIMF_APPLICATION_ID}; PRAGMA journal_mode = DELETE;`,
      )
      const db = new Kysely<Database>({ dialect: new Sqlite3Dialect(native) })
      await migrate(db, 0)
      const now = new Date().toISOString()
      await db
        .insertInto('file_info')
        .values([
          { key: FILE_INFO.replicaId, value: randomBytes(8).toString('hex') },
          { key: FILE_INFO.createdAt, value: now },
          { key: FILE_INFO.isDemo, value: options.isDemo ? '1' : '0' },
        ])
        .execute()
      await db.destroy()
      await rename(building, path)
    } catch (error) {
      await rm(building, { force: true })
      throw asFileFailure(error, path)
    }
    return DataFile.open(path)
  }

  private static async load(path: string, db: Kysely<Database>, native: NativeDatabase) {
    const rows = await db.selectFrom('file_info').selectAll().execute()
    const info = new Map(rows.map((row) => [row.key, row.value]))
    let replicaId = info.get(FILE_INFO.replicaId)
    // Where this copy lives (device and file number). A file copied by hand — file manager, USB
    // stick — is a new file there: it takes an identity of its own before it ever syncs, so
    // that two copies never pass for one. A file only moved or renamed keeps its number.
    const { dev, ino } = await stat(path)
    const home = `${dev}:${ino}`
    const savedHome = info.get(FILE_INFO.replicaHome)
    if (!replicaId || (savedHome !== undefined && savedHome !== home)) {
      // Also an AIMF file without an identity (written before identities existed).
      replicaId = randomBytes(8).toString('hex')
    }
    if (replicaId !== info.get(FILE_INFO.replicaId) || savedHome !== home) {
      for (const [key, value] of [
        [FILE_INFO.replicaId, replicaId],
        [FILE_INFO.replicaHome, home],
      ] as const) {
        await db
          .insertInto('file_info')
          .values({ key, value })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
          .execute()
      }
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
    if (this.batchOf) return work(this.batchOf.writer)
    await this.assertStillThere()
    try {
      return await this.root.transaction().execute(async (trx) => {
        const writer = new RecordWriter(trx, {
          author,
          clock: this.clock,
          txId: randomUUID(),
          now: new Date().toISOString(),
        })
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
      })
    } catch (error) {
      throw asFileFailure(error, this.path)
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
    await this.root.destroy()
    if (this.viewCopy) await rm(this.viewCopy, { recursive: true, force: true })
  }
}

interface Inspection {
  version: number
}

/**
 * Looks at a file without changing a byte of it (a read-only connection), and refuses what must
 * not be opened: not SQLite, not ours, newer than this build, damaged, or held by another
 * instance.
 */
export async function inspect(path: string): Promise<Inspection> {
  const header = await readHeader(path)
  if (header !== SQLITE_HEADER)
    throw new AppFailure('FILE_NOT_AIMF', 'errors.FILE_NOT_AIMF', { path })
  let native: NativeDatabase | undefined
  // A reader of a WAL database leaves -wal and -shm files beside it: those it made are removed,
  // so that looking at a file (a damaged one above all) leaves its folder as it was.
  const companions = [`${path}-wal`, `${path}-shm`]
  const existed = await Promise.all(companions.map((companion) => exists(companion)))
  try {
    native = await openNative(path, OPEN_READONLY)
    const [appId] = await allRows<{ application_id: number }>(native, 'PRAGMA application_id')
    if (appId?.application_id !== AIMF_APPLICATION_ID) {
      throw new AppFailure('FILE_NOT_AIMF', 'errors.FILE_NOT_AIMF', { path })
    }
    const [version] = await allRows<{ user_version: number }>(native, 'PRAGMA user_version')
    const fileVersion = version?.user_version ?? 0
    if (fileVersion > LATEST_VERSION) {
      throw new AppFailure('FILE_TOO_NEW', 'errors.FILE_TOO_NEW', {
        path,
        fileVersion,
        appVersion: LATEST_VERSION,
      })
    }
    const check = await allRows<{ quick_check: string }>(native, 'PRAGMA quick_check')
    const problems = check.map((row) => row.quick_check).filter((line) => line !== 'ok')
    if (problems.length > 0) {
      throw new AppFailure('FILE_DAMAGED', 'errors.FILE_DAMAGED', {
        path,
        detail: problems.slice(0, 3).join('; '),
      })
    }
    return { version: fileVersion }
  } catch (error) {
    throw asFileFailure(error, path)
  } finally {
    if (native) await closeNative(native).catch(() => undefined)
    for (const [index, companion] of companions.entries()) {
      if (!existed[index]) await rm(companion, { force: true })
    }
  }
}

async function readHeader(path: string): Promise<string> {
  try {
    const handle = await openFileHandle(path, 'r')
    try {
      const buffer = Buffer.alloc(16)
      const { bytesRead } = await handle.read(buffer, 0, 16, 0)
      return buffer.subarray(0, bytesRead).toString('latin1')
    } finally {
      await handle.close()
    }
  } catch (error) {
    throw asFileFailure(error, path)
  }
}

/**
 * Opens read-write and takes the file for this process alone: EXCLUSIVE locking mode keeps the
 * lock from the first write on, so a second instance (or `aimf` on the same file) is refused
 * instead of writing beside us. The lock dies with the process, so a crash leaves no stale lock.
 */
async function openExclusive(path: string, mode: number): Promise<NativeDatabase> {
  let native: NativeDatabase | undefined
  try {
    native = await openNative(path, mode)
    await exec(
      native,
      `PRAGMA busy_timeout = 0;
       PRAGMA locking_mode = EXCLUSIVE;
       PRAGMA journal_mode = WAL;
       PRAGMA synchronous = FULL;
       PRAGMA foreign_keys = ON;
       BEGIN IMMEDIATE; COMMIT;`,
    )
    return native
  } catch (error) {
    if (native) await closeNative(native).catch(() => undefined)
    throw asFileFailure(error, path)
  }
}

/** A verified copy in `backups/` beside the file before its schema is changed. */
async function backupBeforeMigration(path: string): Promise<string> {
  const folder = backupFolderOf(path)
  await mkdir(folder, { recursive: true })
  const target = join(folder, backupFileName(path, new Date(), 'migration'))
  const source = await openNative(path, OPEN_READONLY)
  try {
    await backupTo(source, target)
  } finally {
    await closeNative(source)
  }
  await verifyCopy(target)
  return target
}

/** Integrity check of a copy, read-only; throws if the copy is not sound. */
export async function verifyCopy(path: string): Promise<void> {
  const copy = await openNative(path, OPEN_READONLY)
  try {
    const rows = await allRows<{ integrity_check: string }>(copy, 'PRAGMA integrity_check')
    if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
      throw new AppFailure('FILE_DAMAGED', 'errors.FILE_DAMAGED', {
        path,
        detail: rows.map((row) => row.integrity_check).join('; '),
      })
    }
  } finally {
    await closeNative(copy)
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

/** Turns file-system and SQLite errors into failures a user can read. */
export function asFileFailure(error: unknown, path: string): unknown {
  if (error instanceof AppFailure) return error
  const code = sqliteCode(error)
  switch (code) {
    case 'ENOENT':
      return new AppFailure('FILE_NOT_FOUND', 'errors.FILE_NOT_FOUND', { path })
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new AppFailure('FILE_LOCKED', 'errors.FILE_LOCKED', { path })
    case 'SQLITE_NOTADB':
      return new AppFailure('FILE_NOT_AIMF', 'errors.FILE_NOT_AIMF', { path })
    case 'SQLITE_CORRUPT':
      return new AppFailure('FILE_DAMAGED', 'errors.FILE_DAMAGED', { path, detail: code })
    case 'SQLITE_FULL':
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_IOERR':
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'ENOSPC':
    case 'EDQUOT':
    case 'ENOTDIR':
    case 'EISDIR':
    case 'EFBIG':
    case 'EIO':
      return new AppFailure('FILE_UNWRITABLE', 'errors.FILE_UNWRITABLE', { path, detail: code })
    default:
      return error
  }
}

/** A file's schema version as read without opening it for writing (for tests and `aimf check`). */
export async function schemaVersionOf(path: string): Promise<number> {
  return (await inspect(path)).version
}
