import { readFile } from 'node:fs/promises'
import JSZip from 'jszip'
import { loadExcelJS } from './load-exceljs'
import { type plainValue, shownValue } from './cell-values'
import { decodeXml } from './xml-text'

/** A cell's value as the import reads it. */
export type PlainValue = ReturnType<typeof plainValue>

/** A sheet of a workbook as read: its cells by row and column (1-based), and its layout. */
export interface RawSheet {
  name: string
  /** Rows with at least one value, each as its cells by column number. */
  rows: { row: number; cells: PlainValue[] }[]
  /** Merged ranges ("A2:C2"). */
  merges: string[]
  /** Rows hidden in Excel. */
  hiddenRows: Set<number>
}

/**
 * Reads the sheets of an xlsx file that `wanted` names, row by row: exceljs's streaming reader
 * keeps nothing of a row once its values are taken, where loading the workbook holds a model
 * of every cell (about 170 MB for 50,000 rows). Merged cells and hidden rows, which the
 * streaming reader does not report, are found in the sheets' XML. Throws on a file that is not
 * an xlsx workbook.
 */
export async function readWorkbookFile(
  path: string,
  wanted: (sheetName: string) => boolean,
): Promise<RawSheet[]> {
  const bytes = await readFile(path)
  const layouts = await sheetLayouts(bytes)
  // exceljs's streaming reader (unzipper's) now and then stops before the end of the package on
  // a loaded machine: it drops rows or sheets, or fails on a sheet whose workbook entry it never
  // reached. Every row of every sheet the workbook holds must have been read, or the workbook —
  // a sound zip, JSZip has just opened it — is read again whole.
  const streamed = await streamSheets(path, layouts, wanted).catch(() => null)
  const complete =
    streamed !== null &&
    [...layouts.values()].every((layout) => streamed.seen.get(layout.name) === layout.rowCount)
  return complete ? streamed.sheets : loadSheets(bytes, wanted)
}

/** The wanted sheets read row by row, and the names of every sheet the reader went through. */
async function streamSheets(
  path: string,
  layouts: Map<string, SheetLayout>,
  wanted: (sheetName: string) => boolean,
): Promise<{ sheets: RawSheet[]; seen: Map<string, number> }> {
  const ExcelJS = await loadExcelJS()
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  })
  const sheets: RawSheet[] = []
  /** Each sheet the reader went through, with how many rows it gave. */
  const seen = new Map<string, number>()
  for await (const worksheet of reader) {
    // Every sheet is read to its end: the reader goes through the file in order.
    // The reader names a sheet only when its workbook's relations are written as Excel writes
    // them (otherwise "Sheet" and its number): the workbook's own list says.
    const { name: given = '', id } = worksheet as unknown as { name?: string; id?: string | number }
    const listed = [...layouts.values()]
    const name = listed.some((l) => l.name === given)
      ? given
      : (listed.find((l) => l.file === `sheet${id}.xml`)?.name ?? given)
    const keep = wanted(name)
    const rows: RawSheet['rows'] = []
    let count = 0
    for await (const row of worksheet) {
      count += 1
      if (!keep) continue
      const cells: PlainValue[] = []
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column] = shownValue(cell)
      })
      if (cells.some((value) => value !== null && value !== undefined)) {
        rows.push({ row: row.number, cells })
      }
    }
    seen.set(name, count)
    if (!keep) continue
    const layout = [...layouts.values()].find((l) => l.name === name)
    sheets.push({
      name,
      rows,
      merges: layout?.merges ?? [],
      hiddenRows: new Set(layout?.hiddenRows ?? []),
    })
  }
  return { sheets, seen }
}

/** The wanted sheets read from the workbook loaded whole (exceljs's own model of it). */
async function loadSheets(
  bytes: Buffer,
  wanted: (sheetName: string) => boolean,
): Promise<RawSheet[]> {
  const workbook = new (await loadExcelJS()).Workbook()
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  )
  return workbook.worksheets
    .filter((worksheet) => wanted(worksheet.name))
    .map((worksheet) => {
      const rows: RawSheet['rows'] = []
      const hiddenRows = new Set<number>()
      worksheet.eachRow({ includeEmpty: false }, (row, number) => {
        if (row.hidden) hiddenRows.add(number)
        const cells: PlainValue[] = []
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cells[column] = shownValue(cell)
        })
        if (cells.some((value) => value !== null && value !== undefined))
          rows.push({ row: number, cells })
      })
      return {
        name: worksheet.name,
        rows,
        merges: (worksheet.model as { merges?: string[] }).merges ?? [],
        hiddenRows,
      }
    })
}

interface SheetLayout {
  name: string
  /** The sheet's file in the package ("sheet3.xml"). */
  file: string
  merges: string[]
  hiddenRows: number[]
  /** How many rows the sheet's XML holds. */
  rowCount: number
}

/** Each sheet's merged ranges and hidden rows, by sheet name, read from its XML. */
async function sheetLayouts(bytes: Buffer): Promise<Map<string, SheetLayout>> {
  const zip = await JSZip.loadAsync(bytes)
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? ''
  const targets = new Map(
    [
      ...(await text('xl/_rels/workbook.xml.rels')).matchAll(
        /<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"/g,
      ),
    ].map(([, id, target]) => [id, target]),
  )
  const layouts = new Map<string, SheetLayout>()
  for (const [, attributes = ''] of (await text('xl/workbook.xml')).matchAll(
    /<sheet\b([^>]*)\/?>/g,
  )) {
    const name = /\bname="([^"]*)"/.exec(attributes)?.[1]
    const id = /\br:id="([^"]*)"/.exec(attributes)?.[1]
    const target = id ? targets.get(id) : undefined
    if (!name || !target) continue
    const xml = await text(target.startsWith('/') ? target.slice(1) : `xl/${target}`)
    layouts.set(decodeXml(name), {
      name: decodeXml(name),
      file: target.split('/').at(-1) ?? '',
      merges: [...xml.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)].map(([, ref]) => ref ?? ''),
      rowCount: [...xml.matchAll(/<row\b/g)].length,
      hiddenRows: [...xml.matchAll(/<row\b([^>]*)>/g)]
        .map(([, row = '']) => row)
        .filter((row) => /\bhidden="(1|true)"/.test(row))
        .map((row) => Number(/\br="(\d+)"/.exec(row)?.[1] ?? 0)),
    })
  }
  return layouts
}
