import { open } from 'node:fs/promises'
import { AppFailure } from '../failure'
import { asFileFailure, fileFailure } from '../files/file-failure'
import { AIMF_APPLICATION_ID, SQLITE_HEADER } from './file-identity'
import { LATEST_VERSION } from './migrations'
import { lookReadOnly } from './read-only'
import { type NativeDatabase, allRows, sqliteCode } from './sqlite-native'

export interface Inspection {
  version: number
}

/**
 * Looks at a file without changing a byte of it (a read-only connection, whose -wal and -shm
 * are removed after), and refuses what must not be opened: not SQLite, not ours, newer than
 * this build, damaged, or held by another instance.
 *
 * `fast`: the whole file is not read (SQLite's quick_check walks every page: most of the time of
 * opening a large file); its header, identity, version and schema are, and the full check is
 * left to run in the background (see open-check.ts).
 */
export async function inspect(path: string, options: { fast?: boolean } = {}): Promise<Inspection> {
  const header = await readHeader(path)
  if (header !== SQLITE_HEADER)
    throw new AppFailure('FILE_NOT_AIMF', 'errors.FILE_NOT_AIMF', { path })
  try {
    return await lookReadOnly(path, async (native) => {
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
      const problems = options.fast ? await schemaProblems(native) : await quickCheck(native)
      if (problems.length > 0) {
        throw new AppFailure('FILE_DAMAGED', 'errors.FILE_DAMAGED', {
          path,
          detail: problems.slice(0, 3).join('; '),
        })
      }
      return { version: fileVersion }
    })
  } catch (error) {
    throw await fileFailure(error, path)
  }
}

async function quickCheck(native: NativeDatabase): Promise<string[]> {
  const check = await allRows<{ quick_check: string }>(native, 'PRAGMA quick_check')
  return check.map((row) => row.quick_check).filter((line) => line !== 'ok')
}

/** The schema read and parsed whole (a damaged schema page is found here), and no more. */
async function schemaProblems(native: NativeDatabase): Promise<string[]> {
  try {
    await allRows(native, 'SELECT count(*) FROM sqlite_schema')
    return []
  } catch (error) {
    if (sqliteCode(error) !== 'SQLITE_CORRUPT' && sqliteCode(error) !== 'SQLITE_NOTADB') throw error
    return [error instanceof Error ? error.message : String(error)]
  }
}

async function readHeader(path: string): Promise<string> {
  try {
    const handle = await open(path, 'r')
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

/** A file's schema version as read without opening it for writing (for tests and `aimf check`). */
export async function schemaVersionOf(path: string): Promise<number> {
  return (await inspect(path)).version
}
