import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import {
  OPEN_CREATE,
  OPEN_READWRITE,
  closeNative,
  exec,
  openNative,
} from '../../electron/main/db/sqlite-native'
import type { DataFile } from '../../electron/main/db/data-file'

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

/**
 * Overwrites the start of one page of a database file with garbage, as a failing disk would:
 * `page` counts from 0, or from the end when negative, in the file's own page size.
 */
export async function damagePage(path: string, page: number): Promise<void> {
  const { open } = await import('node:fs/promises')
  const handle = await open(path, 'r+')
  try {
    const header = Buffer.alloc(18)
    await handle.read(header, 0, 18, 0)
    const pageSize = header.readUInt16BE(16)
    const pages = Math.floor((await handle.stat()).size / pageSize)
    const index = page < 0 ? pages + page : page
    await handle.write(Buffer.alloc(4096, 0xab), 0, 4096, pageSize * index)
  } finally {
    await handle.close()
  }
}

/** The content of an open data file as SQLite sees it: every table's rows, in order. */
export async function contentChecksum(file: DataFile): Promise<string> {
  const tables = await file.db.introspection.getTables()
  const hash = createHash('sha256')
  for (const table of tables) {
    const rows = await file.db
      .selectFrom(table.name as 'funders')
      .selectAll()
      .execute()
    hash.update(table.name + JSON.stringify(rows))
  }
  return hash.digest('hex')
}
