import { open } from 'node:fs/promises'
import { AppFailure } from '../failure'
import { type ListedSheet, type WorkbookParts, readWorkbookParts } from './package/workbook-parts'
import { type RawRow, type SheetLayout, sheetRows } from './package/sheet-rows'
import { type PackageBounds, PackageRefusal, ZipPackage } from './package/zip-package'

export type { ListedSheet } from './package/workbook-parts'
export type { RawRow, RawCell, CellValue, CellFault, ExcelDate } from './package/sheet-rows'
export { isFault } from './package/sheet-rows'
export { PackageRefusal } from './package/zip-package'

/** What a workbook may be before it is refused unread. */
export interface ReadBounds extends PackageBounds {
  /** The file itself, compressed. */
  maxFileBytes: number
  maxCellChars: number
  maxRowXml: number
}

/**
 * An xlsx workbook opened for reading: its package's directory and sheets are known, its
 * rows are read a sheet at a time, as they are decompressed — a workbook beyond the bounds is
 * refused (a {@link PackageRefusal}) before anything is read in full.
 */
export class WorkbookFile {
  private constructor(
    private readonly zip: ZipPackage,
    private readonly parts: WorkbookParts,
    private readonly bounds: ReadBounds,
  ) {}

  /**
   * Throws FILE_NOT_FOUND for a path with no file, an AppFailure for a file that cannot be
   * read, a PackageRefusal for one that is not a workbook or is too large.
   */
  static async open(path: string, bounds: ReadBounds): Promise<WorkbookFile> {
    const bytes = await readBounded(path, bounds.maxFileBytes)
    const zip = ZipPackage.open(bytes, bounds)
    return new WorkbookFile(zip, readWorkbookParts(zip), bounds)
  }

  /** The sheets the workbook lists, in its order, whether their part is there or not. */
  get sheets(): readonly ListedSheet[] {
    return this.parts.sheets
  }

  /** A sheet's rows with a value, one at a time; its merged ranges are put in `layout`. */
  rows(sheet: ListedSheet, layout: SheetLayout): AsyncGenerator<RawRow> {
    if (!sheet.part) throw new PackageRefusal('damaged', sheet.name)
    return sheetRows(this.zip.textChunks(sheet.part), { parts: this.parts, ...this.bounds }, layout)
  }
}

/** The file's bytes, unless it is larger than `max` (then refused without reading it). */
async function readBounded(path: string, max: number): Promise<Buffer> {
  let handle
  try {
    handle = await open(path, 'r')
    const stats = await handle.stat()
    if (!stats.isFile()) throw Object.assign(new Error(path), { code: 'EISDIR' })
    if (stats.size > max) throw new PackageRefusal('tooLarge')
    return await handle.readFile()
  } catch (error) {
    if (error instanceof PackageRefusal) throw error
    const code = error instanceof Error && 'code' in error ? String(error.code) : ''
    if (code === 'ENOENT') throw new AppFailure('FILE_NOT_FOUND', 'errors.FILE_NOT_FOUND', { path })
    throw new AppFailure('VALIDATION', 'workbook.unreadable', {
      path,
      detail: code || String(error),
    })
  } finally {
    await handle?.close()
  }
}
