import type { ReadBounds } from '../workbook-reader'

/** What an import takes at most: beyond, the workbook is refused before it is read in full. */
export interface ImportBounds extends ReadBounds {
  /** Rows with a value in one sheet (its heading row included). */
  maxRowsPerSheet: number
  /** Rows with a value in all the sheets together. */
  maxRows: number
  /** Problems listed one by one; the others are counted. */
  maxProblems: number
}

const MB = 1024 * 1024

/**
 * The bounds of every import, said in the Notes sheet. A secretariat's twenty years come to
 * about 270,000 rows, 140,000 of them budget expenses: the bounds leave room for that and
 * refuse what no register holds (a million rows in a sheet, a zip that inflates to gigabytes).
 * The import holds its rows in memory (about 1 kB each once read), hence the total.
 */
export const IMPORT_BOUNDS: ImportBounds = {
  maxFileBytes: 30 * MB,
  maxEntries: 2_000,
  maxPartBytes: 256 * MB,
  maxTotalBytes: 1_024 * MB,
  maxRowXml: 4 * MB,
  maxCellChars: 32_767,
  maxRowsPerSheet: 200_000,
  maxRows: 1_000_000,
  maxProblems: 1_000,
}
