import type { DataFile } from '../db/data-file'
import { AppFailure } from '../failure'
import type { EntryExportFormat } from '@shared/accounting/schema'
import { type DeriveOptions, deriveYear } from './books'
import { fecFileName, fecText } from './fec'
import { softwareExport, softwareFileName } from './software-exports'
import { encodeText } from './text-encoding'

export interface EntriesExport {
  bytes: Buffer
  fileName: string
  entries: number
  lines: number
  /** The year is not closed: its numbers may still change. */
  provisional: boolean
}

/** A year's entries as the FEC (ISO 8859-15, tab-separated) or for an accountant's software. */
export async function exportEntries(
  db: DataFile['db'],
  year: number,
  format: EntryExportFormat,
  options: DeriveOptions,
): Promise<EntriesExport> {
  const books = await deriveYear(db, year, options)
  if (books.entries.length === 0) {
    throw new AppFailure('VALIDATION', 'accounting.errors.yearEmpty', { year })
  }
  const lines = books.entries.reduce((sum, entry) => sum + entry.lines.length, 0)
  if (format === 'fec') {
    const { text } = fecText(books.entries)
    return {
      bytes: encodeText(text, 'latin9'),
      fileName: fecFileName(books.plan.settings.siren, year),
      entries: books.entries.length,
      lines,
      provisional: books.provisional,
    }
  }
  return {
    bytes: softwareExport(books.entries, format),
    fileName: softwareFileName(format, year),
    entries: books.entries.length,
    lines,
    provisional: books.provisional,
  }
}
