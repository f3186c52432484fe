import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lookReadOnly } from '../../electron/main/db/read-only'
import {
  OPEN_CREATE,
  OPEN_READWRITE,
  allRows,
  closeNative,
  exec,
  openNative,
} from '../../electron/main/db/sqlite-native'
import { tempFolder } from '../support/temp'

async function walDatabase(path: string) {
  const db = await openNative(path, OPEN_READWRITE | OPEN_CREATE)
  await exec(db, 'PRAGMA journal_mode=WAL; CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1);')
  await closeNative(db)
}

describe('looking at a file read-only', () => {
  it('leaves its folder as it was: the log and index a reader makes are removed', async () => {
    const folder = await tempFolder()
    const path = join(folder, 'compta.sqlite')
    await walDatabase(path)
    expect(await readdir(folder)).toEqual(['compta.sqlite'])
    const rows = await lookReadOnly(path, (native) =>
      allRows<{ v: number }>(native, 'SELECT v FROM t'),
    )
    expect(rows).toEqual([{ v: 1 }])
    expect(await readdir(folder)).toEqual(['compta.sqlite'])
  })

  it('never removes the log of a writer that opened the file meanwhile: its commits stay', async () => {
    const folder = await tempFolder()
    const path = join(folder, 'compta.sqlite')
    await walDatabase(path)
    const writer = await lookReadOnly(path, async () => {
      const db = await openNative(path, OPEN_READWRITE)
      // No checkpoint when it closes: its commit lives in the log alone, as after a crash.
      await exec(db, 'PRAGMA wal_autocheckpoint=0; INSERT INTO t VALUES (2);')
      return db
    })
    expect((await stat(`${path}-wal`)).size).toBeGreaterThan(0)
    await closeNative(writer)
    const after = await openNative(path, OPEN_READWRITE)
    expect(await allRows<{ v: number }>(after, 'SELECT v FROM t ORDER BY v')).toEqual([
      { v: 1 },
      { v: 2 },
    ])
    await closeNative(after)
  })
})
