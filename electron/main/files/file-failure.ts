import { stat, statfs } from 'node:fs/promises'
import { dirname } from 'node:path'
import { AppFailure } from '../failure'
import { sqliteCode } from '../db/sqlite-native'
import type { MessageKey } from '@shared/i18n/messages/catalog'

/** Why a file could not be written, in words a user can act on. */
type Cause = 'diskFull' | 'readOnly' | 'driveGone' | 'other'

const CAUSES: Record<string, Cause> = {
  ENOSPC: 'diskFull',
  EDQUOT: 'diskFull',
  EFBIG: 'diskFull',
  SQLITE_FULL: 'diskFull',
  EROFS: 'readOnly',
  EACCES: 'readOnly',
  EPERM: 'readOnly',
  SQLITE_READONLY: 'readOnly',
  EIO: 'driveGone',
  ENODEV: 'driveGone',
  ENXIO: 'driveGone',
  ESTALE: 'driveGone',
  ENOTCONN: 'driveGone',
  SQLITE_CANTOPEN: 'other',
  SQLITE_IOERR: 'other',
  ENOTDIR: 'other',
  EISDIR: 'other',
}

function unwritable(path: string, code: string, cause: Cause): AppFailure {
  const key: MessageKey = `errors.cause.${cause}`
  return new AppFailure('FILE_UNWRITABLE', 'errors.FILE_UNWRITABLE', {
    path,
    detail: code,
    cause: { message: key },
  })
}

/** Turns file-system and SQLite errors into failures a user can read, naming the file. */
export function asFileFailure(error: unknown, path: string): unknown {
  if (error instanceof AppFailure) return error
  const code = sqliteCode(error)
  switch (code) {
    case undefined:
      return error
    case 'ENOENT':
      return new AppFailure('FILE_NOT_FOUND', 'errors.FILE_NOT_FOUND', { path })
    case 'EEXIST':
      return new AppFailure('FILE_EXISTS', 'errors.FILE_EXISTS', { path })
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new AppFailure('FILE_LOCKED', 'errors.FILE_LOCKED', { path })
    case 'SQLITE_NOTADB':
      return new AppFailure('FILE_NOT_AIMF', 'errors.FILE_NOT_AIMF', { path })
    case 'SQLITE_CORRUPT':
      return new AppFailure('FILE_DAMAGED', 'errors.FILE_DAMAGED', { path, detail: code })
    default: {
      const cause = CAUSES[code]
      return cause ? unwritable(path, code, cause) : error
    }
  }
}

/** Below this many free bytes, a write that failed for an unclear reason is put down to a full disk. */
const NEARLY_FULL = 1024 * 1024

/**
 * Like {@link asFileFailure}, but where the error does not say why (SQLite's "I/O error" or
 * "cannot open", a file not found while writing), looks at the folder: gone means the drive was
 * removed, nearly no room a full disk. Also refines a failure already made from such an error.
 */
export async function fileFailure(error: unknown, path: string): Promise<unknown> {
  const failure = asFileFailure(error, path)
  if (!(failure instanceof AppFailure)) return failure
  const code =
    failure.code === 'FILE_UNWRITABLE'
      ? String(failure.params.detail)
      : failure.code === 'FILE_NOT_FOUND'
        ? 'ENOENT'
        : ''
  if (!UNCLEAR.has(code)) return failure
  const folder = dirname(path)
  // A folder that vanished while it was written to: the drive went away.
  if (!(await stat(folder).catch(() => null))) return unwritable(path, code, 'driveGone')
  if (code === 'ENOENT') return failure
  const space = await statfs(folder).catch(() => null)
  if (space && space.bavail * space.bsize < NEARLY_FULL) return unwritable(path, code, 'diskFull')
  return failure
}

const UNCLEAR = new Set(['SQLITE_IOERR', 'SQLITE_CANTOPEN', 'EIO', 'ENOENT'])
