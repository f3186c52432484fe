import type * as FsPromises from 'node:fs/promises'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { writeBytesAtomically } from '../../electron/main/files/atomic-file'
import { tempFolder } from '../support/temp'

// A disk without hard links (FAT on a USB stick, some network shares): link() is refused.
vi.mock('node:fs/promises', async (original) => ({
  ...(await original<typeof FsPromises>()),
  link: async () => {
    throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' })
  },
}))

describe('exclusive creation on a disk without hard links', () => {
  it('reserves the name first: a free name is taken, a taken one refused, nothing left behind', async () => {
    const folder = await tempFolder()
    const path = join(folder, 'compta.sqlite')
    await writeBytesAtomically(path, 'le nouveau fichier', { exclusive: true })
    expect(await readFile(path, 'utf8')).toBe('le nouveau fichier')
    const refused = await writeBytesAtomically(path, 'un autre', { exclusive: true }).then(
      () => null,
      (error: unknown) => error,
    )
    expect(refused).toMatchObject({ code: 'FILE_EXISTS' })
    expect(await readFile(path, 'utf8')).toBe('le nouveau fichier')
    await writeFile(join(folder, 'notes.txt'), 'x')
    expect((await readdir(folder)).sort()).toEqual(['compta.sqlite', 'notes.txt'])
  })
})
