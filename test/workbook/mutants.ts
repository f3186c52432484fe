import ExcelJS from 'exceljs'
import { percentShown } from '../../electron/main/workbook/package/sheet-rows'
import JSZip from 'jszip'

/** A pseudo-random sequence from a seed, so that a failing mutant comes back the same. */
export function randomFrom(seed: number) {
  let state = seed >>> 0 || 1
  const next = () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 0x1_0000_0000
  }
  return {
    next,
    below: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new Error('nothing to pick from')
      return item
    },
  }
}
export type Random = ReturnType<typeof randomFrom>

type Cell = ExcelJS.CellValue

/** A workbook as values only: each sheet's rows of cell values, heading row first. */
export type Sheets = Map<string, Cell[][]>

/** The values of a workbook, sheet by sheet (the template's hidden lists left out). */
export async function sheetsOf(bytes: Buffer): Promise<Sheets> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
  )
  const sheets: Sheets = new Map()
  for (const sheet of book.worksheets) {
    if (sheet.state !== 'visible') continue
    const rows: Cell[][] = []
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const values = (row.values as Cell[]).slice(1)
      // A share in a percent-formatted cell (the export's percentages) kept as the percentage it
      // shows: these sheets hold values only, written back without their formats.
      row.eachCell((cell, column) => {
        if (typeof cell.value === 'number' && percentShownBy(cell.numFmt))
          values[column - 1] = percentShown(cell.value)
      })
      rows[number - 1] = values
    })
    sheets.set(
      sheet.name,
      Array.from(rows, (row) => row ?? []),
    )
  }
  return sheets
}

function percentShownBy(format: string | undefined): boolean {
  return !!format && format.replace(/"[^"]*"|\\./g, '').includes('%')
}

/** Writes sheets of values as a workbook (Excel's regular writer: shared strings, styles). */
export async function workbookOf(
  sheets: Sheets,
  hidden?: { sheet: string; row: number },
): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  for (const [name, rows] of sheets) {
    const sheet = book.addWorksheet(name)
    rows.forEach((values, index) => {
      const row = sheet.getRow(index + 1)
      values.forEach((value, column) => {
        if (value !== undefined && value !== null) row.getCell(column + 1).value = value
      })
      if (hidden?.sheet === name && hidden.row === index + 1) row.hidden = true
    })
  }
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer)
}

/** The column of a heading in a sheet's heading row (0-based), or -1. */
export function columnOf(rows: Cell[][], heading: string): number {
  return (rows[0] ?? []).findIndex((cell) => cell === heading)
}

/**
 * The demo's export made small enough to import a few hundred times: every sheet kept, with
 * the dues calls and payments of a few members, the members that something names, and a few
 * budget expenses — the rest of every register as it is.
 */
export function smallerExport(sheets: Sheets): Sheets {
  const small: Sheets = new Map(sheets)
  // Every other project, with everything of theirs (plans, tranches, expenses, indicators).
  const projects = sheets.get('Projets') ?? []
  const projectCode = columnOf(projects, 'Code')
  const keptProjects = new Set(
    projects
      .slice(1)
      .filter((_, index) => index % 2 === 0)
      .map((row) => String(row[projectCode])),
  )
  // …and those with justified expenses, so that no register is left empty.
  const projectExpenses = sheets.get('Dépenses des projets') ?? []
  const spentBy = columnOf(projectExpenses, 'Code du projet')
  for (const row of projectExpenses.slice(1)) keptProjects.add(String(row[spentBy]))
  for (const [name, rows] of sheets) {
    const column = name === 'Projets' ? projectCode : columnOf(rows, 'Code du projet')
    if (column < 0) continue
    small.set(name, [
      rows[0] ?? [],
      ...rows.slice(1).filter((row) => keptProjects.has(String(row[column]))),
    ])
  }
  // One year of the dues scale (each band is saved with its year's whole scale).
  const scale = sheets.get('Barèmes des cotisations') ?? []
  const year = columnOf(scale, 'Année')
  const lastYear = Math.max(...scale.slice(1).map((row) => Number(row[year])))
  small.set('Barèmes des cotisations', [
    scale[0] ?? [],
    ...scale.slice(1).filter((row) => Number(row[year]) === lastYear),
  ])
  const calls = sheets.get('Appels de cotisation') ?? []
  const payments = sheets.get('Encaissements') ?? []
  const memberColumn = columnOf(calls, 'Code du membre')
  const kept = new Set(
    [...new Set(calls.slice(1).map((row) => String(row[memberColumn])))].slice(0, 4),
  )
  const byMember = (rows: Cell[][]) => {
    const column = columnOf(rows, 'Code du membre')
    return [rows[0] ?? [], ...rows.slice(1).filter((row) => kept.has(String(row[column])))]
  }
  small.set('Appels de cotisation', byMember(calls))
  small.set('Encaissements', byMember(payments))
  // Members named anywhere else are kept too (projects' cities, roles, particular amounts).
  for (const [name, rows] of sheets) {
    if (name === 'Membres' || name === 'Appels de cotisation' || name === 'Encaissements') continue
    const column = columnOf(rows, 'Code du membre')
    if (column >= 0) for (const row of rows.slice(1)) kept.add(String(row[column]))
  }
  const members = sheets.get('Membres') ?? []
  const code = columnOf(members, 'Code')
  small.set('Membres', [
    members[0] ?? [],
    ...members.slice(1).filter((row) => kept.has(String(row[code]))),
  ])
  // Two receipts of each agreement (each receipt reads its agreement's figures).
  const receipts = sheets.get('Versements') ?? []
  const agreement = columnOf(receipts, 'Convention')
  const seen = new Map<string, number>()
  small.set('Versements', [
    receipts[0] ?? [],
    ...receipts.slice(1).filter((row) => {
      const count = (seen.get(String(row[agreement])) ?? 0) + 1
      seen.set(String(row[agreement]), count)
      return count <= 2
    }),
  ])
  const expenses = sheets.get('Dépenses du budget') ?? []
  small.set('Dépenses du budget', expenses.slice(0, 13))
  return small
}

/** A copy of the sheets to mutate (rows and their cells copied, values shared). */
export function copyOf(sheets: Sheets): Sheets {
  return new Map([...sheets].map(([name, rows]) => [name, rows.map((row) => [...row])]))
}

/** What a mutant is made of: the workbook's bytes, and what was done to it. */
export interface Mutant {
  name: string
  bytes: Buffer
}

/** A package-level change of a workbook's bytes: a part removed, damaged, cut. */
export async function mutatePackage(bytes: Buffer, random: Random): Promise<Mutant> {
  const zip = await JSZip.loadAsync(bytes)
  const parts = Object.keys(zip.files).filter((name) => !zip.files[name]?.dir)
  const sheets = parts.filter((name) => name.startsWith('xl/worksheets/sheet'))
  const kind = random.below(7)
  const write = async () =>
    Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }))
  switch (kind) {
    case 0: {
      const part = random.pick(sheets)
      zip.remove(part)
      return { name: `part ${part} removed`, bytes: await write() }
    }
    case 1: {
      const part = random.pick([
        'xl/sharedStrings.xml',
        'xl/styles.xml',
        'xl/_rels/workbook.xml.rels',
        '[Content_Types].xml',
        'xl/workbook.xml',
      ])
      zip.remove(part)
      return { name: `part ${part} removed`, bytes: await write() }
    }
    case 2: {
      const cut = Math.max(1, random.below(bytes.length))
      return { name: `package cut at ${cut} bytes`, bytes: bytes.subarray(0, cut) }
    }
    case 3: {
      const copy = Buffer.from(bytes)
      const at = random.below(copy.length)
      copy[at] = (copy[at] ?? 0) ^ 0x5a
      return { name: `byte ${at} of the package changed`, bytes: copy }
    }
    case 4: {
      const part = random.pick(sheets)
      zip.file(part, '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>9')
      return { name: `part ${part} made malformed XML`, bytes: await write() }
    }
    case 5: {
      const part = random.pick(sheets)
      const xml = (await zip.file(part)?.async('string')) ?? ''
      // A shared string past the end of the table.
      zip.file(
        part,
        xml.replace(/<c r="B2"([^>]*)t="s"><v>\d+<\/v>/, '<c r="B2"$1t="s"><v>999999</v>'),
      )
      return { name: `a cell of ${part} names a missing shared string`, bytes: await write() }
    }
    default: {
      const part = random.pick(sheets)
      const xml = (await zip.file(part)?.async('string')) ?? ''
      // A number cell that holds text, as a program writing XML by hand may leave it.
      zip.file(
        part,
        xml.replace(/<c r="([A-Z]+3)"([^>]*)><v>[^<]*<\/v><\/c>/, '<c r="$1"$2><v>abc</v></c>'),
      )
      return { name: `a number cell of ${part} holds « abc »`, bytes: await write() }
    }
  }
}

/** Values a person (or a program) may leave in a cell. */
const CELL_VALUES: { name: string; value: () => Cell }[] = [
  { name: 'emptied', value: () => null },
  { name: '« abc »', value: () => 'abc' },
  { name: '-1', value: () => -1 },
  { name: '0', value: () => 0 },
  { name: '1e15', value: () => 1e15 },
  { name: '0.5', value: () => 0.5 },
  { name: '-100,00 as text', value: () => '-100,00' },
  { name: '31/12/9999 as a date', value: () => new Date(Date.UTC(9999, 11, 31)) },
  { name: '01/01/1900 as a date', value: () => new Date(Date.UTC(1900, 0, 1)) },
  { name: '15/03/2021 as a date', value: () => new Date(Date.UTC(2021, 2, 15)) },
  { name: '31/02/2021 as text', value: () => '31/02/2021' },
  { name: 'a text of 40,000 characters', value: () => 'x'.repeat(40_000) },
  { name: 'a formula without its value', value: () => ({ formula: 'A1*2' }) as Cell },
  {
    name: 'a formula error',
    value: () => ({ formula: '1/0', result: { error: '#DIV/0!' } }) as Cell,
  },
  { name: 'TRUE', value: () => true },
  { name: 'spaces only', value: () => '   ' },
  { name: 'FCFA', value: () => 'FCFA' },
]

/** Registers' sheets of the small export that have data rows. */
function dataSheets(sheets: Sheets): string[] {
  return [...sheets.keys()].filter(
    (name) => name !== 'Notes' && (sheets.get(name)?.length ?? 0) > 1,
  )
}

/** A change of a workbook's values: a cell, a row, a column, a sheet, its notes. */
export function mutateSheets(
  base: Sheets,
  random: Random,
): { name: string; sheets: Sheets; hidden?: { sheet: string; row: number } } {
  const sheets = copyOf(base)
  const sheetName = random.pick(dataSheets(sheets))
  const rows = sheets.get(sheetName) ?? []
  const heading = rows[0] ?? []
  const row = 1 + random.below(rows.length - 1)
  const column = random.below(Math.max(1, heading.length))
  const at = `${sheetName} row ${row + 1} column « ${String(heading[column])} »`
  const kind = random.below(20)
  if (kind < 8) {
    // A cell: another type, a value out of range, a slip.
    const change = random.pick(CELL_VALUES)
    const cells = rows[row] ?? []
    cells[column] = change.value()
    rows[row] = cells
    return { name: `${at}: ${change.name}`, sheets }
  }
  if (kind === 8) {
    // A reference written another way (case, accents, apostrophes): it must still be found.
    const cells = rows[row] ?? []
    const value = cells[column]
    if (typeof value === 'string')
      cells[column] = value.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").toUpperCase()
    return { name: `${at}: written without accents, in capitals`, sheets }
  }
  if (kind === 9) {
    rows.splice(row, 1)
    return { name: `${sheetName} row ${row + 1} deleted`, sheets }
  }
  if (kind === 10) {
    rows.splice(row, 0, [...(rows[row] ?? [])])
    return { name: `${sheetName} row ${row + 1} duplicated`, sheets }
  }
  if (kind === 11) {
    const other = 1 + random.below(rows.length - 1)
    const [a, b] = [rows[row] ?? [], rows[other] ?? []]
    rows[row] = b
    rows[other] = a
    return { name: `${sheetName} rows ${row + 1} and ${other + 1} swapped`, sheets }
  }
  if (kind === 12) {
    rows.splice(row, 0, [])
    return { name: `${sheetName}: an empty row before row ${row + 1}`, sheets }
  }
  if (kind === 13) {
    for (const cells of rows) cells.splice(column, 1)
    return { name: `${at}: column deleted`, sheets }
  }
  if (kind === 14) {
    const replacement = random.pick<Cell>([
      'Colonne inconnue',
      42,
      heading[(column + 1) % heading.length] ?? 'x',
    ])
    heading[column] = replacement
    return { name: `${at}: heading replaced by « ${String(replacement)} »`, sheets }
  }
  if (kind === 15) {
    for (const cells of rows) {
      const value = cells[column]
      cells.splice(column, 1)
      cells.unshift(value)
    }
    return { name: `${at}: column moved first`, sheets }
  }
  if (kind === 16) {
    const action = random.below(4)
    if (action === 0) sheets.delete(sheetName)
    if (action === 1)
      sheets.set(`${sheetName} (copie)`, sheets.get(sheetName) ?? []).delete(sheetName)
    if (action === 2) sheets.set(sheetName, [heading])
    if (action === 3)
      sheets.set('Feuil1', [
        ['Nom', 'Montant'],
        ['Divers', 12],
      ])
    return {
      name: `${sheetName}: ${['sheet removed', 'sheet renamed', 'rows all deleted', 'an unknown sheet added'][action]}`,
      sheets,
    }
  }
  if (kind === 17) {
    const notes = sheets.get('Notes') ?? []
    const line = notes.findIndex((cells) => cells[0] === 'Dates acceptées')
    const range = random.pick(['01/01/2020 – 31/12/2100', '01/01/1990 – 31/12/2030', 'toujours'])
    if (line >= 0) (notes[line] ?? [])[1] = range
    return { name: `Notes: accepted dates « ${range} »`, sheets }
  }
  if (kind === 18) {
    return {
      name: `${sheetName} row ${row + 1} hidden`,
      sheets,
      hidden: { sheet: sheetName, row: row + 1 },
    }
  }
  const sheetOrder = [...sheets.entries()].reverse()
  return { name: 'sheets in the reverse order', sheets: new Map(sheetOrder) }
}
