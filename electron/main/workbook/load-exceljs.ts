import type ExcelJS from 'exceljs'

/**
 * exceljs takes about a quarter of a second to load, so it is loaded when the first workbook is
 * read or written, not when the application starts.
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  const loaded = await import('exceljs')
  return loaded.default
}
