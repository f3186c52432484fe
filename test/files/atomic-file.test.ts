import { readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppFailure } from '../../electron/main/failure'
import { writeAtomically, writeBytesAtomically } from '../../electron/main/files/atomic-file'
import { tempFolder } from '../support/temp'

async function failureOf(work: Promise<unknown>): Promise<AppFailure> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof AppFailure))
    throw new Error(`expected an AppFailure, got ${String(error)}`)
  return error
}

describe('a file written atomically', () => {
  it('replaces a file only once whole, and a failure anywhere leaves the old file and nothing else', async () => {
    const folder = await tempFolder()
    const path = join(folder, 'rapport.pdf')
    await writeBytesAtomically(path, 'version 1')
    expect(await readFile(path, 'utf8')).toBe('version 1')

    // Failing while writing (with SQLite-like companions left), then when checked.
    const full = await failureOf(
      writeAtomically(path, async (temporary) => {
        await writeFile(temporary, 'à moitié')
        await writeFile(`${temporary}-journal`, 'journal')
        await writeFile(`${temporary}-wal`, 'wal')
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' })
      }),
    )
    const readOnly = await failureOf(
      writeAtomically(path, (temporary) => writeFile(temporary, 'faux'), {
        verify: async () => {
          throw Object.assign(new Error('read-only'), { code: 'EROFS' })
        },
      }),
    )
    expect(full).toMatchObject({ code: 'FILE_UNWRITABLE', params: { path, detail: 'ENOSPC' } })
    expect(full.params.cause).toEqual({ message: 'errors.cause.diskFull' })
    expect(readOnly.params.cause).toEqual({ message: 'errors.cause.readOnly' })
    expect(await readFile(path, 'utf8')).toBe('version 1')
    expect(await readdir(folder)).toEqual(['rapport.pdf'])

    await writeBytesAtomically(path, Buffer.from('version 2'))
    expect(await readFile(path, 'utf8')).toBe('version 2')
    expect(await readdir(folder)).toEqual(['rapport.pdf'])
  })

  it('created exclusively, never replaces a file that is there or appeared meanwhile', async () => {
    const folder = await tempFolder()
    const path = join(folder, 'compta.sqlite')
    await writeFile(path, 'le fichier de quelqu’un')
    const refused = await failureOf(writeBytesAtomically(path, 'nouveau', { exclusive: true }))
    expect(refused).toMatchObject({ code: 'FILE_EXISTS', params: { path } })
    expect(await readFile(path, 'utf8')).toBe('le fichier de quelqu’un')

    // A file that appears while the new one is being written.
    const other = join(folder, 'nouveau.sqlite')
    const raced = await failureOf(
      writeAtomically(
        other,
        async (temporary) => {
          await writeFile(temporary, 'le mien')
          await writeFile(other, 'l’autre')
        },
        { exclusive: true },
      ),
    )
    expect(raced.code).toBe('FILE_EXISTS')
    expect(await readFile(other, 'utf8')).toBe('l’autre')
    expect((await readdir(folder)).sort()).toEqual(['compta.sqlite', 'nouveau.sqlite'])
  })

  it('a folder gone while writing (a removed drive) is said as such', async () => {
    const folder = await tempFolder()
    const path = join(folder, 'cle', 'export.xlsx')
    const { rm } = await import('node:fs/promises')
    const failure = await failureOf(
      writeAtomically(path, async (temporary) => {
        await writeFile(temporary, 'x')
        await rm(join(folder, 'cle'), { recursive: true })
        throw Object.assign(new Error('gone'), { code: 'EIO' })
      }),
    )
    expect(failure.params.cause).toEqual({ message: 'errors.cause.driveGone' })
    expect(await stat(join(folder, 'cle')).catch(() => null)).toBeNull()
  })
})
