// What DataFile (data-file.ts) does to a file before it holds it: takes it for this process
// alone, backs it up before a migration, builds an empty one.
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { Kysely } from 'kysely'
import { migrate } from './migrate'
import type { Database } from './schema'
import { AIMF_APPLICATION_ID, FILE_INFO, newIdentity } from './file-identity'
import { homeOf } from './identity'
import { Sqlite3Dialect } from './sqlite3-dialect'
import {
  type NativeDatabase,
  OPEN_CREATE,
  OPEN_READONLY,
  OPEN_READWRITE,
  allRows,
  closeNative,
  exec,
  openNative,
} from './sqlite-native'
import { fileFailure } from '../files/file-failure'
import { writeBackup } from '../backup/backup-copy'
import { backupFileName, backupFolderOf } from '../backup/backup-names'

/** The page size of the files this version creates (earlier files keep theirs). */
const PAGE_SIZE = 16_384

/**
 * Opens read-write and takes the file for this process alone: EXCLUSIVE locking mode keeps the
 * lock from the first write on, so a second instance (or `aimf` on the same file) is refused
 * instead of writing beside us. The lock dies with the process, so a crash leaves no stale lock.
 */
export async function openExclusive(path: string, mode: number): Promise<NativeDatabase> {
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
    throw await fileFailure(error, path)
  }
}

/**
 * A verified backup beside the file before its schema is changed (see backup/backup-copy.ts),
 * named with the file's identity when it has one already.
 */
export async function backupBeforeMigration(path: string): Promise<void> {
  const source = await openNative(path, OPEN_READONLY)
  try {
    const rows = await allRows<{ value: string }>(
      source,
      `SELECT value FROM file_info WHERE key = '${FILE_INFO.fileId}'`,
    ).catch(() => [])
    const takenAt = new Date()
    const name = backupFileName(path, takenAt, 'migration', rows[0]?.value ?? null)
    await writeBackup(source, join(backupFolderOf(path), name), {
      takenAt,
      trigger: 'migration',
      of: path,
    })
  } finally {
    await closeNative(source)
  }
}

/** Builds an empty file of the latest schema at `building`, to be named `path`. */
export async function buildEmptyFile(
  building: string,
  path: string,
  options: { isDemo?: boolean },
): Promise<void> {
  const native = await openNative(building, OPEN_READWRITE | OPEN_CREATE)
  const db = new Kysely<Database>({ dialect: new Sqlite3Dialect(native) })
  try {
    await exec(
      native,
      // 16 KiB pages, set before the first table: the startup integrity check walks every
      // page, and a file of twenty years' history is checked in two thirds of the time.
      `PRAGMA page_size = ${PAGE_SIZE}; PRAGMA application_id = ${AIMF_APPLICATION_ID}; PRAGMA journal_mode = DELETE;`,
    )
    await migrate(db, 0)
    await db
      .insertInto('file_info')
      .values([
        { key: FILE_INFO.replicaId, value: randomBytes(8).toString('hex') },
        { key: FILE_INFO.createdAt, value: new Date().toISOString() },
        { key: FILE_INFO.isDemo, value: options.isDemo ? '1' : '0' },
        { key: FILE_INFO.fileId, value: newIdentity() },
        // A rename keeps the file number: the file is found where it was made.
        { key: FILE_INFO.fileHome, value: await homeOf(building) },
        { key: FILE_INFO.filePath, value: path },
      ])
      .execute()
  } finally {
    await db.destroy()
  }
}
