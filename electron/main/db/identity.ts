import { stat } from 'node:fs/promises'
import { AppFailure } from '../failure'
import { asFileFailure } from '../files/file-failure'
import {
  AIMF_APPLICATION_ID,
  BACKUP_ONLY_KEYS,
  FILE_INFO,
  type FileIdentity,
  identityFromInfo,
  newIdentity,
} from './file-identity'
import { lookReadOnly } from './read-only'
import {
  type NativeDatabase,
  OPEN_READWRITE,
  allRows,
  closeNative,
  exec,
  openNative,
  runStatement,
} from './sqlite-native'

/** The file_info table as a map; empty when the database has none or it cannot be read. */
export async function readInfo(native: NativeDatabase): Promise<Map<string, string>> {
  const rows = await allRows<{ key: string; value: string }>(
    native,
    'SELECT key, value FROM file_info',
  ).catch(() => [])
  return new Map(rows.map((row) => [row.key, row.value]))
}

/**
 * A file's identity read without writing a byte — a damaged file's too, as long as its
 * file_info table can still be read. Null when it cannot (damaged, missing, not ours); a file
 * another program holds is refused as such (FILE_LOCKED).
 */
export async function readIdentityOf(path: string): Promise<FileIdentity | null> {
  try {
    return await lookReadOnly(path, async (native) => {
      const [app] = await allRows<{ application_id: number }>(native, 'PRAGMA application_id')
      if (app?.application_id !== AIMF_APPLICATION_ID) return null
      const info = await readInfo(native)
      return info.size === 0 ? null : identityFromInfo(info)
    })
  } catch (error) {
    const failure = asFileFailure(error, path)
    if (failure instanceof AppFailure && failure.code === 'FILE_LOCKED') throw failure
    return null
  }
}

/** Writes file_info entries through a connection of its own; null removes the key. */
export async function putInfo(
  native: NativeDatabase,
  entries: Readonly<Record<string, string | null>>,
): Promise<void> {
  for (const [key, value] of Object.entries(entries)) {
    await (value === null
      ? runStatement(native, 'DELETE FROM file_info WHERE key = ?', [key])
      : runStatement(
          native,
          'INSERT INTO file_info (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
          [key, value],
        ))
  }
}

/** Where a file is on its disk: its device and file number (kept by a rename, not by a copy). */
export async function homeOf(path: string): Promise<string> {
  const { dev, ino } = await stat(path)
  return `${dev}:${ino}`
}

/**
 * What a file opened for writing must record so that its identity stays its own: a file id
 * (given to files older than file ids, whose earlier backups are then known by the replica id
 * they carry), and where the file is. A file found at another place *and* under another path
 * is a copy (made by hand, or a folder copied to another disk): it takes an identity of its
 * own, so that it never lists, rotates or restores the original's backups. One found at the
 * same path with another file number was rewritten in place (a restore, a sync client) and
 * keeps its identity. Answers only the keys that change.
 */
export function identityChanges(
  info: ReadonlyMap<string, string>,
  path: string,
  home: string,
): Record<string, string | null> {
  const changes: Record<string, string | null> = {}
  const fileHome = info.get(FILE_INFO.fileHome)
  const filePath = info.get(FILE_INFO.filePath)
  if (!info.get(FILE_INFO.fileId)) {
    changes[FILE_INFO.fileId] = newIdentity()
    const replicaHome = info.get(FILE_INFO.replicaHome)
    const replica = info.get(FILE_INFO.replicaId)
    changes[FILE_INFO.backupsReplica] =
      replica && (replicaHome === undefined || replicaHome === home) ? replica : null
  } else if (fileHome !== home && filePath !== path) {
    changes[FILE_INFO.fileId] = newIdentity()
    changes[FILE_INFO.backupsReplica] = null
  }
  if (fileHome !== home) changes[FILE_INFO.fileHome] = home
  if (filePath !== path) changes[FILE_INFO.filePath] = path
  return changes
}

/**
 * Settles a database just copied to `temporary` (to be renamed `finalPath`) before it takes
 * its name: rollback-journal mode (no -wal or -shm left beside a file nobody has open), the
 * identity it is to have, and none of a backup's own keys. For restores and mission copies.
 */
export async function settleCopy(
  temporary: string,
  finalPath: string,
  identity: { fileId: string; backupsReplica: string | null; replicaId?: string },
): Promise<void> {
  const native = await openNative(temporary, OPEN_READWRITE)
  try {
    await exec(native, 'PRAGMA journal_mode = DELETE;')
    const [app] = await allRows<{ application_id: number }>(native, 'PRAGMA application_id')
    if (app?.application_id !== AIMF_APPLICATION_ID) {
      throw new AppFailure('FILE_NOT_AIMF', 'errors.FILE_NOT_AIMF', { path: finalPath })
    }
    await putInfo(native, {
      [FILE_INFO.fileId]: identity.fileId,
      [FILE_INFO.backupsReplica]: identity.backupsReplica,
      // A rename keeps the file number: the file will be found where it was settled.
      [FILE_INFO.fileHome]: await homeOf(temporary),
      [FILE_INFO.filePath]: finalPath,
      ...(identity.replicaId ? { [FILE_INFO.replicaId]: identity.replicaId } : {}),
      ...Object.fromEntries(BACKUP_ONLY_KEYS.map((key) => [key, null])),
    })
  } finally {
    await closeNative(native)
  }
}
