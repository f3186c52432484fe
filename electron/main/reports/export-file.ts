import { randomUUID } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import { asFileFailure } from '../db/data-file'

/**
 * Writes an exported file (PDF, workbook, CSV) under a temporary name, then renames it: the
 * chosen name never holds half a file, and a file it replaces stays whole until the new one is.
 */
export async function writeExportFile(path: string, content: Buffer | string): Promise<void> {
  const partial = `${path}.${randomUUID()}.part`
  try {
    await writeFile(partial, content)
    await rename(partial, path)
  } catch (error) {
    await rm(partial, { force: true })
    throw asFileFailure(error, path)
  }
}
