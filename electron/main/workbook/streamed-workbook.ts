import { PassThrough } from 'node:stream'
import type ExcelJS from 'exceljs'
import { loadExcelJS } from './load-exceljs'

/**
 * A workbook written by exceljs's streaming writer, its bytes gathered as the zip is made:
 * `write` adds and commits the sheets, each row committed as it is written, so that a large
 * sheet is never held whole, and the zip is compressed by Node's zlib (exceljs's own writer
 * compresses with a JavaScript deflate — most of a 50,000-row report's time).
 */
export async function streamedWorkbook(
  write: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void> | void,
): Promise<Buffer> {
  const output = new PassThrough()
  const chunks: Buffer[] = []
  output.on('data', (chunk: Buffer) => chunks.push(chunk))
  // exceljs's commit resolves when the zip is written into the stream ('finish'); the workbook
  // is certainly whole only once every chunk has been read out of it ('end').
  const ended = new Promise<void>((resolve, reject) => {
    output.on('end', resolve)
    output.on('error', reject)
  })
  const workbook = new (await loadExcelJS()).stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  })
  await write(workbook)
  await workbook.commit()
  await ended
  return Buffer.concat(chunks)
}

/** The style of every row written: one object, so that exceljs registers it once. */
const NO_ROW_STYLE: Partial<ExcelJS.Style> = {}

/**
 * Writes a row out. exceljs knows a style it has seen by the object, and registers any other by
 * its XML: each row's own empty style, a new object per row, was registered again for every row
 * of a sheet (the only style not shared). Given the one empty style, rows write as fast as cells.
 */
export function commitRow(row: ExcelJS.Row): void {
  ;(row as ExcelJS.Row & { style: Partial<ExcelJS.Style> }).style = NO_ROW_STYLE
  row.commit()
}
