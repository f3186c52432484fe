import { writeBytesAtomically } from '../files/atomic-file'

/**
 * Writes an exported file (PDF, workbook, CSV) under a temporary name, then renames it: the
 * chosen name never holds half a file, and a file it replaces stays whole until the new one is
 * (see files/atomic-file.ts).
 */
export async function writeExportFile(path: string, content: Buffer | string): Promise<void> {
  await writeBytesAtomically(path, content)
}
