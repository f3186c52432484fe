import { access, rm } from 'node:fs/promises'
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
  const companions = [`${path}-wal`, `${path}-shm`]
  const existed = await Promise.all(companions.map((companion) => exists(companion)))
  let native: NativeDatabase | undefined
  try {
    native = await openNative(path, OPEN_READONLY)
    return await look(native)
  } finally {
    if (native) await closeNative(native).catch(() => undefined)
    for (const [index, companion] of companions.entries()) {
      if (!existed[index]) await rm(companion, { force: true })
    }
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

export async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}
