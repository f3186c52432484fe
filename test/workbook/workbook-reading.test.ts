import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import { DataFile } from '../../electron/main/db/data-file'
import { IMPORT_BOUNDS } from '../../electron/main/workbook/import/import-bounds'
import { importWorkbook } from '../../electron/main/workbook/workbook-import'
import { WorkbookFile } from '../../electron/main/workbook/workbook-reader'
import type { WorkbookReport } from '@shared/workbook/schema'
import { sha256 } from '../support/files'
import { tempFolder } from '../support/temp'
import { oneSheetWorkbook, zipOf } from '../support/zip-writer'
import { REGISTERS } from '../../electron/main/workbook/registers'

let folder: string
let file: DataFile

beforeEach(async () => {
  folder = await tempFolder()
  file = await DataFile.create(join(folder, 'data.sqlite'))
})
afterEach(async () => file?.close())

async function dryRun(path: string, bounds = IMPORT_BOUNDS): Promise<WorkbookReport> {
  return importWorkbook(createSession(file), path, {
    dryRun: true,
    author: 'Test',
    language: 'fr',
    registers: REGISTERS,
    bounds,
  })
}

async function saved(name: string, bytes: Buffer): Promise<string> {
  const path = join(folder, name)
  await writeFile(path, bytes)
  return path
}

const MEMBERS = ['Code', 'Type', 'Nom', 'Pays', 'Population', 'Membre depuis le', 'Statut']

/** A workbook of members' rows written by Excel's regular writer (shared strings, styles). */
async function members(rows: ExcelJS.CellValue[][], heading = MEMBERS): Promise<string> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Membres')
  sheet.addRow(heading)
  for (const row of rows) sheet.addRow(row)
  return saved('membres.xlsx', Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer))
}

const where = (report: WorkbookReport) =>
  report.problems.map((p) => [p.sheet, p.row, p.column, p.code, p.blocking])
const blocking = (report: WorkbookReport) =>
  report.problems.filter((p) => p.blocking).map((p) => [p.sheet, p.row, p.column, p.code])

describe('the cells of a sheet, read as the XML says', () => {
  it('reads shared and inline strings, numbers, dates and percentages, errors and prefixes', async () => {
    const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>`
    const parts = oneSheetWorkbook(
      'Membres',
      [
        '<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>Ville</x:t></x:r><x:r><x:t xml:space="preserve"> de </x:t></x:r><x:rPh><x:t>x</x:t></x:rPh><x:r><x:t>Lomé &amp; Co_x000D_</x:t></x:r></x:is></x:c>',
        '<x:c r="C2" s="1"><x:v>44291</x:v></x:c><x:c r="D2" s="2"><x:v>7.4999999999999997E-2</x:v></x:c><x:c r="E2" t="e"><x:v>#REF!</x:v></x:c>',
        '<x:c r="F2"><x:f>A1*2</x:f></x:c><x:c r="G2" s="1"><x:v>abc</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c r="J2" t="str"><x:v>=HYPERLINK("x")</x:v></x:c></x:row>',
        '<x:row r="4" hidden="1"><x:c r="A4"><x:v>12.5</x:v></x:c></x:row><x:row r="5"/>',
      ].join(''),
    )
    parts['xl/worksheets/sheet1.xml'] = String(parts['xl/worksheets/sheet1.xml'])
      .replace('<worksheet xmlns=', '<x:worksheet xmlns:x=')
      .replace('<sheetData>', '<x:sheetData>')
      .replace(
        '</sheetData></worksheet>',
        '</x:sheetData><x:mergeCells><x:mergeCell ref="A4:B4"/></x:mergeCells></x:worksheet>',
      )
    parts['xl/styles.xml'] = styles
    parts['xl/sharedStrings.xml'] =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>M-0001</t></si></sst>'
    parts['xl/_rels/workbook.xml.rels'] = String(parts['xl/_rels/workbook.xml.rels']).replace(
      '</Relationships>',
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>',
    )
    const workbook = await WorkbookFile.open(await saved('cells.xlsx', zipOf(parts)), IMPORT_BOUNDS)
    const [sheet] = workbook.sheets
    if (!sheet) throw new Error('no sheet')
    const layout = { merges: [] as string[] }
    const rows = []
    for await (const row of workbook.rows(sheet, layout)) rows.push(row)
    expect(rows.map((r) => [r.row, r.hidden])).toEqual([
      [2, false],
      [4, true],
    ])
    expect(rows[0]?.cells.slice(1)).toEqual([
      'M-0001',
      'Ville de Lomé & Co\r',
      { excelDate: 44291 },
      '7.5 %',
      { fault: 'formulaError', detail: '#REF!' },
      { fault: 'noValue', detail: '' },
      'abc',
      true,
      undefined,
      '=HYPERLINK("x")',
    ])
    expect(rows[1]?.cells[1]).toBe(12.5)
    expect(layout.merges).toEqual(['A4:B4'])
  })

  it('refuses dates that cannot be: -1, 31/12/9999, « abc » in a date cell, beyond the Notes’ range', async () => {
    let code = 0
    const dated = (value: ExcelJS.CellValue) => {
      code += 1
      return [`M-000${code}`, 'Ville', 'Dakar', 'SN', null, value, 'Actif']
    }
    const cell = (report: WorkbookReport) =>
      report.problems.filter((p) => p.blocking).map((p) => [p.row, p.column, p.value, p.code])
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('Membres')
    sheet.addRow(MEMBERS)
    sheet.addRow(dated(-1)).getCell(6).numFmt = 'dd/mm/yyyy'
    sheet.addRow(dated(new Date(Date.UTC(9999, 11, 31))))
    sheet.addRow(dated(new Date(Date.UTC(1930, 5, 1))))
    sheet.addRow(dated('29/02/2023'))
    sheet.addRow(dated(44291.75)).getCell(6).numFmt = 'dd/mm/yyyy hh:mm'
    sheet.addRow(dated('abc'))
    const path = await saved(
      'dates.xlsx',
      Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer),
    )
    const report = await dryRun(path)
    expect(cell(report)).toEqual([
      [2, 'Membre depuis le', '-1', 'badDate'],
      [3, 'Membre depuis le', '2958465', 'badDate'],
      [4, 'Membre depuis le', '1930-06-01', 'dateOutOfRange'],
      [5, 'Membre depuis le', '29/02/2023', 'badDate'],
      [7, 'Membre depuis le', 'abc', 'badDate'],
    ])
    expect(report.problems.find((p) => p.code === 'dateOutOfRange')?.message).toContain(
      'du 01/01/1950 au 31/12/2100',
    )
    // A workbook of older records says so in its Notes sheet.
    const notes = book.addWorksheet('Notes')
    notes.addRow(['Dates acceptées', '01/01/1920 – 31/12/2030'])
    await writeFile(path, Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer))
    expect(cell(await dryRun(path))).toEqual([
      [2, 'Membre depuis le', '-1', 'badDate'],
      [3, 'Membre depuis le', '2958465', 'badDate'],
      [5, 'Membre depuis le', '29/02/2023', 'badDate'],
      [7, 'Membre depuis le', 'abc', 'badDate'],
    ])
  })

  it('says duplicate, unknown and missing headings, and a sheet listed but not in the package', async () => {
    const path = await members(
      [['M-0001', 'Ville', 'Dakar', 'SN', null, null, 'Actif', 'x', 'Ville']],
      [...MEMBERS, 'Couleur', 'type'],
    )
    const report = await dryRun(path)
    expect(where(report)).toEqual(
      expect.arrayContaining([
        ['Membres', 1, 'Couleur', 'unknownColumn', false],
        ['Membres', 1, 'type', 'duplicateColumn', true],
        ['Membres', 1, null, 'optionalColumnsMissing', false],
      ]),
    )
    const parts = oneSheetWorkbook('Membres', '')
    delete parts['xl/worksheets/sheet1.xml']
    expect(where(await dryRun(await saved('sans-feuille.xlsx', zipOf(parts))))).toEqual(
      expect.arrayContaining([['Membres', null, null, 'missingSheetPart', true]]),
    )
  })
})

describe('the bounds of an import, refused before anything is read in full', () => {
  it('refuses a sheet of a million rows at its 200,001st, and the file stays as it was', async () => {
    const row = Buffer.from('<row><c t="inlineStr"><is><t>M</t></is></c></row>')
    const rows = Buffer.alloc(row.length * 1_000_000)
    for (let at = 0; at < rows.length; at += row.length) row.copy(rows, at)
    const headings = ['Code', 'Type', 'Nom', 'Statut']
      .map((h) => `<c t="inlineStr"><is><t>${h}</t></is></c>`)
      .join('')
    const sheet = Buffer.concat([Buffer.from(`<row r="1">${headings}</row>`), rows])
    const path = await saved('million.xlsx', zipOf(oneSheetWorkbook('Membres', sheet)))
    const before = await sha256(file.path)
    const report = await dryRun(path)
    expect(blocking(report)).toEqual([['Membres', null, null, 'tooManyRows']])
    expect(report.problems.find((p) => p.blocking)?.message).toContain('200\u202f000')
    expect(report.sheets).toEqual([])
    expect(await sha256(file.path)).toBe(before)
  })

  it('refuses rows beyond the bound in all, a part larger than its bound or than it says, a cell too long', async () => {
    const path = await members(
      Array.from({ length: 30 }, (_, i) => [
        `M-${i}`,
        'Ville',
        `Ville ${i}`,
        'SN',
        null,
        null,
        'Actif',
      ]),
    )
    const bounds = { ...IMPORT_BOUNDS, maxRows: 20 }
    expect(blocking(await dryRun(path, bounds))).toEqual([['', null, null, 'tooManyRowsInAll']])
    expect(blocking(await dryRun(path, { ...IMPORT_BOUNDS, maxPartBytes: 1000 }))).toEqual([
      ['', null, null, 'tooLarge'],
    ])
    const parts = oneSheetWorkbook(
      'Membres',
      '<row r="1"><c t="inlineStr"><is><t>Code</t></is></c></row>',
    )
    const lying = zipOf(parts, { claim: { 'xl/worksheets/sheet1.xml': 10 } })
    expect(blocking(await dryRun(await saved('ment.xlsx', lying)))).toEqual([
      ['', null, null, 'damagedPart'],
    ])
    const long = await members([['M-1', 'Ville', 'x'.repeat(40_000), 'SN', null, null, 'Actif']])
    expect(blocking(await dryRun(long))).toEqual([['Membres', 2, 'Nom', 'cellTooLong']])
  })
})
