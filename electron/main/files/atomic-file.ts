import { randomBytes } from 'node:crypto'
import { link, mkdir, open, rename, rm, stat, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fileFailure } from './file-failure'

/** The files SQLite keeps beside a database while it writes it. */
export const COMPANIONS = ['-journal', '-wal', '-shm'] as const

export interface AtomicWriteOptions {
  /**
   * Never replace a file at the chosen name, even one that appeared while this one was being
   * written (a second `aimf new`): FILE_EXISTS instead.
   */
  exclusive?: boolean
  /** Checks the finished temporary file before it takes its name; throws to refuse it. */
  verify?: (temporary: string) => Promise<void>
  /**
   * Runs once the new file is whole and on the disk, just before it takes its name (a restore
   * sets the damaged file aside there); a failure leaves the name as it was.
   */
  beforePublish?: () => Promise<void>
}

/**
 * Where a file is built before it takes its name: hidden, in the same folder (a rename within
 * one file system is atomic; across two it is a copy), unique to this write.
 */
export function temporaryNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`)
}

/** Removes a file and whatever SQLite left beside it (a journal, a write-ahead log). */
export async function removeWithCompanions(path: string): Promise<void> {
  for (const suffix of ['', ...COMPANIONS]) await rm(`${path}${suffix}`, { force: true })
}

/**
 * The one way the application writes a file the user will find (a data file, a backup, a
 * mission copy, an export, a report, a letter): built under a temporary name beside it by
 * `produce`, checked by `verify`, flushed to the disk, then renamed — so the chosen name holds
 * either the whole verified file or nothing new. On failure the temporary file and its
 * companions are removed and the error names the file and its cause (disk full, read-only,
 * drive removed).
 */
export async function writeAtomically(
  path: string,
  produce: (temporary: string) => Promise<void>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temporary = temporaryNameFor(path)
  try {
    await mkdir(dirname(path), { recursive: true })
    await produce(temporary)
    if (options.verify) await options.verify(temporary)
    await syncFile(temporary)
    await options.beforePublish?.()
    await (options.exclusive ? publishExclusively(temporary, path) : rename(temporary, path))
  } catch (error) {
    await removeWithCompanions(temporary).catch(() => undefined)
    throw await fileFailure(error, path)
  }
  await syncFolder(dirname(path)).catch(async (error: unknown) => {
    throw await fileFailure(error, path)
  })
}

/** Writes bytes or text atomically (see {@link writeAtomically}), checked by reading their size back. */
export async function writeBytesAtomically(
  path: string,
  content: Buffer | string,
  options: AtomicWriteOptions & { mode?: number } = {},
): Promise<void> {
  const expected = typeof content === 'string' ? Buffer.byteLength(content) : content.length
  await writeAtomically(
    path,
    (temporary) => writeFile(temporary, content, { mode: options.mode }),
    {
      ...options,
      verify: async (temporary) => {
        const { size } = await stat(temporary)
        if (size !== expected) throw Object.assign(new Error('short write'), { code: 'EIO' })
        await options.verify?.(temporary)
      },
    },
  )
}

/** Waits until a file's bytes are on the disk. */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Waits until a folder's entries (a rename, a new name) are on the disk. Windows cannot open a
 * folder for this and commits renames itself: there it is skipped.
 */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } catch (error) {
    // Some file systems (network shares, FUSE) cannot sync a folder; the rename still stands.
    const code = (error as { code?: string }).code
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR') throw error
  } finally {
    await handle.close()
  }
}

/** Codes of file systems without hard links (FAT on a USB stick, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK'])

/**
 * Gives the file its name only if nothing holds that name: a hard link fails when the name is
 * taken, and is atomic. Where links do not exist, the name is first reserved by creating it
 * exclusively, then the finished file is renamed over that reservation.
 */
async function publishExclusively(temporary: string, path: string): Promise<void> {
  try {
    await link(temporary, path)
    await unlink(temporary)
    return
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    if (!NO_HARD_LINKS.has(code)) throw error
  }
  const reservation = await open(path, 'wx')
  await reservation.close()
  try {
    await rename(temporary, path)
  } catch (error) {
    // The name was reserved by this write alone: it is given back.
    await rm(path, { force: true })
    throw error
  }
}
