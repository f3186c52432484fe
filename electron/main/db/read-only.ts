import { access, rm, stat } from 'node:fs/promises'
import { AppFailure } from '../failure'
import {
  type NativeDatabase,
  OPEN_READONLY,
  allRows,
  closeNative,
  openNative,
} from './sqlite-native'

/**
 * Looks into a database file through a read-only connection, then closes it. A reader of a
 * database in WAL mode creates its -wal and -shm files: those this look created are removed, so
 * that looking at a file (a damaged one, a backup, `aimf check`) leaves its folder as it was.
 */
export async function lookReadOnly<T>(
  path: string,
  look: (native: NativeDatabase) => Promise<T>,
): Promise<T> {
  const [wal, shm] = [`${path}-wal`, `${path}-shm`]
  const [walExisted, shmExisted] = [await exists(wal), await exists(shm)]
  let native: NativeDatabase | undefined
  try {
    native = await openNative(path, OPEN_READONLY)
    return await look(native)
  } finally {
    if (native) await closeNative(native).catch(() => undefined)
    // A reader leaves an empty log; one holding pages is a writer's that opened the file
    // meanwhile (its committed changes may be there only): it is never removed, nor its index.
    if (!walExisted && (await sizeOf(wal)) === 0) await rm(wal, { force: true })
    if (!shmExisted && !(await exists(wal))) await rm(shm, { force: true })
  }
}

/** SQLite's full integrity check of a database, read-only; throws FILE_DAMAGED naming it. */
export async function verifyIntegrity(path: string, shownAs: string = path): Promise<void> {
  const rows = await lookReadOnly(path, (native) =>
    allRows<{ integrity_check: string }>(native, 'PRAGMA integrity_check'),
  )
  if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
    throw new AppFailure('FILE_DAMAGED', 'errors.FILE_DAMAGED', {
      path: shownAs,
      detail: rows
        .slice(0, 3)
        .map((row) => row.integrity_check)
        .join('; '),
    })
  }
}

async function sizeOf(path: string): Promise<number | null> {
  return stat(path).then(
    (found) => found.size,
    () => null,
  )
}

export async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}
