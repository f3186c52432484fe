import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import {
  OPEN_CREATE,
  OPEN_READWRITE,
  closeNative,
  exec,
  openNative,
} from '../../electron/main/db/sqlite-native'

export async function sha256(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex')
}

/** Writes a raw SQLite file with the given statements, as another program (or version) would. */
export async function writeRawDatabase(path: string, statements: string): Promise<void> {
  const db = await openNative(path, OPEN_READWRITE | OPEN_CREATE)
  try {
    await exec(db, statements)
  } finally {
    await closeNative(db)
  }
}
