import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'

const run = promisify(execFile)

/** An exported workbook read back as Excel would open it. */
export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const bytes = await readFile(path)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  )
  return workbook
}

/** The text of a PDF as `pdftotext -layout` extracts it (pages separated by form feeds). */
export async function pdfText(path: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', path, '-'], { maxBuffer: 64 * 1024 * 1024 })
  return stdout
}

/** Renders a PDF's first page to PNG beside `target` (a test artefact), returns its path. */
export async function renderFirstPage(path: string, target: string): Promise<string> {
  await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, target])
  return `${target}.png`
}

/** The row of a sheet whose column A or B holds `label`, as plain values. */
export function rowWith(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined
  sheet.eachRow((row) => {
    const a = row.getCell(1).value
    const b = row.getCell(2).value
    if (!found && (a === label || b === label)) found = row
  })
  if (!found) throw new Error(`no row "${label}" in sheet ${sheet.name}`)
  return found
}

/** A cell's number, whether written as a value or as a formula with its stored result. */
export function numberIn(cell: ExcelJS.Cell): number {
  const value = cell.value
  if (typeof value === 'number') return value
  if (value && typeof value === 'object' && 'formula' in value) {
    if (typeof value.result === 'number') return value.result
    // exceljs's reader drops a stored result of 0 (the file holds <v>0</v>; its writer is right).
    if (value.result === undefined) return 0
  }
  throw new Error(`cell ${cell.address} holds no number: ${JSON.stringify(value)}`)
}

export function formulaIn(cell: ExcelJS.Cell): string | null {
  const value = cell.value
  return value && typeof value === 'object' && 'formula' in value ? (value.formula ?? null) : null
}

/** French amounts as pdftotext prints them: any space between thousands. */
export function frenchAmount(text: string): RegExp {
  return new RegExp(text.replace(/\s/g, '\\s').replace(/\./g, '\\.'))
}
