import { constants } from 'node:fs'
import { type FileHandle, lstat, open } from 'node:fs/promises'
import { SetAside } from './set-aside'

/**
 * Opens a file of a shared folder for reading only if it is a regular file: never through a
 * link (to /dev/zero, to a file elsewhere), never a pipe — opened without waiting for a writer,
 * so a FIFO cannot hang the sync —, a device or a folder. Checked before opening and again on
 * what was opened, as the folder belongs to others and may change in between.
 */
async function openRegular(path: string, maxBytes: number): Promise<FileHandle> {
  const before = await lstat(path).catch(() => null)
  if (!before) throw new SetAside('unreadable')
  if (!before.isFile()) throw new SetAside('not_regular')
  if (before.size > maxBytes) throw new SetAside('too_large')
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)
  const handle = await open(path, flags).catch((error: NodeJS.ErrnoException) => {
    throw new SetAside(error.code === 'ELOOP' ? 'not_regular' : 'unreadable')
  })
  const opened = await handle.stat()
  if (!opened.isFile() || opened.ino !== before.ino || opened.dev !== before.dev) {
    await handle.close()
    throw new SetAside('not_regular')
  }
  if (opened.size > maxBytes) {
    await handle.close()
    throw new SetAside('too_large')
  }
  return handle
}

/** The whole of a regular file of at most `maxBytes` (a file that grows is read as it was). */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await openRegular(path, maxBytes)
  try {
    const { size } = await handle.stat()
    const bytes = Buffer.alloc(size)
    let read = 0
    while (read < size) {
      const { bytesRead } = await handle.read(bytes, read, size - read, read)
      if (bytesRead === 0) break
      read += bytesRead
    }
    return bytes.subarray(0, read)
  } finally {
    await handle.close()
  }
}

/** A regular file's size and first bytes, or null when it is not one to read. */
export async function headOfRegularFile(
  path: string,
  maxBytes: number,
  length: number,
): Promise<{ size: number; head: Buffer } | null> {
  const handle = await openRegular(path, maxBytes).catch(() => null)
  if (!handle) return null
  try {
    const { size } = await handle.stat()
    const head = Buffer.alloc(Math.min(length, size))
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    return { size, head: head.subarray(0, bytesRead) }
  } finally {
    await handle.close()
  }
}
