import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { DataFile } from '../../electron/main/db/data-file'
import { bundleForNode } from '../support/bundle'
import { tempFolder } from '../support/temp'

let writer = ''
beforeAll(async () => {
  writer = await bundleForNode('test/safety/disk-full-writer.ts')
}, 60_000)

describe('a full disk', () => {
  it('fails the write with a clear error, keeps every earlier commit, and the file reopens intact', async () => {
    const path = join(await tempFolder(), 'plein.sqlite')
    await (await DataFile.create(path)).close()
    // `ulimit -f` caps the size of any file the process writes (in 1 KiB blocks): 4 MiB here,
    // room for an empty file of 16 KiB pages (about 1.5 MiB) and a few dozen records.
    const { stdout } = await promisify(execFile)(
      'bash',
      ['-c', `ulimit -f 4096; exec "${process.execPath}" "${writer}" "${path}"`],
      {
        maxBuffer: 10 * 1024 * 1024,
      },
    )
    const acknowledged = Number(/ACK (\d+)\n(?!.*ACK)/s.exec(stdout)?.[1] ?? 0)
    expect(acknowledged).toBeGreaterThan(10)
    expect(stdout).toContain('FAIL FILE_UNWRITABLE')
    expect(stdout).toMatch(/STILL READABLE \d+/)

    expect(await checkFile(path)).toEqual([])
    const file = await DataFile.open(path)
    const rows = await file.db
      .selectFrom('other_income')
      .select(file.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    await file.close()
    expect(Number(rows.n)).toBeGreaterThanOrEqual(acknowledged)
  }, 120_000)
})
