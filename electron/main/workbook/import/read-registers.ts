import type { MessageKey } from '@shared/i18n/messages/catalog'
import { translate } from '@shared/i18n/translate'
import { formatCount } from '@shared/i18n/format-number'
import { nameKey } from '../names'
import type { Register } from '../register'
import { type ListedSheet, PackageRefusal, type RawRow, WorkbookFile } from '../workbook-reader'
import type { DateReading } from '../cell-values'
import type { ImportBounds } from './import-bounds'
import { notesSettings } from './notes-settings'
import type { Problems } from './problems'
import { type ReadSheet, readSheetRows } from './read-sheet'

/** Names of a sheet in either language, as compared. */
function sheetNames(key: MessageKey): string[] {
  return (['fr', 'en'] as const).map((l) => nameKey(translate(l, key)))
}

/** What each sheet of the workbook is: its Notes, one of the registers, or none of them. */
function classify(
  sheets: readonly ListedSheet[],
  registerList: readonly Register[],
  problems: Problems,
) {
  const notesNames = sheetNames('workbook.sheet.notes')
  const registerNames = registerList.map((register) => sheetNames(register.sheet))
  let notes: ListedSheet | null = null
  const registers = new Map<Register, ListedSheet>()
  for (const sheet of sheets) {
    const name = nameKey(sheet.name)
    const index = registerNames.findIndex((names) => names.includes(name))
    const register = registerList[index]
    const first = register ? registers.get(register) : notesNames.includes(name) ? notes : null
    if (first) {
      // « Membres » and « Members » both: which one is meant cannot be guessed.
      problems.add({
        sheet: sheet.name,
        row: null,
        column: null,
        value: null,
        key: 'workbook.sheetTwice',
        params: { other: first.name },
        blocking: true,
      })
      continue
    }
    if (register) registers.set(register, sheet)
    else if (notesNames.includes(name)) notes = sheet
    else if (!sheet.hidden) {
      problems.add({
        sheet: sheet.name,
        row: null,
        column: null,
        value: null,
        key: 'workbook.unknownSheet',
        blocking: false,
      })
    }
  }
  return { notes, registers }
}

/**
 * Reads the register sheets of a workbook into rows of contract input, every cell read as its
 * column says, each problem located; null when the workbook cannot be read in full (not a
 * workbook, damaged, beyond the bounds: said in `problems`). A path with no file, or a file
 * that cannot be opened, throws. The sheets are read in the order of `registerList`, the order
 * they are imported in.
 */
export async function readRegisterSheets(
  path: string,
  registerList: readonly Register[],
  problems: Problems,
  bounds: ImportBounds,
): Promise<ReadSheet[] | null> {
  try {
    const workbook = await WorkbookFile.open(path, bounds)
    const { notes, registers } = classify(workbook.sheets, registerList, problems)
    for (const sheet of [notes, ...registers.values()]) {
      if (sheet && !sheet.part)
        problems.add({
          sheet: sheet.name,
          row: null,
          column: null,
          value: null,
          key: 'workbook.missingSheetPart',
          blocking: true,
        })
    }
    const counter = new RowCounter(bounds, problems)
    const notesRows: RawRow[] = []
    if (notes?.part) {
      for await (const row of workbook.rows(notes, { merges: [] })) {
        if (!counter.take(notes.name)) break
        notesRows.push(row)
      }
    }
    const reading: DateReading = notesSettings(notes?.name ?? null, notesRows, problems)
    const read: ReadSheet[] = []
    for (const register of registerList) {
      const sheet = registers.get(register)
      if (!sheet) {
        problems.add({
          sheet: translate(problems.language, register.sheet),
          row: null,
          column: null,
          value: null,
          key: 'workbook.missingSheet',
          blocking: false,
        })
        continue
      }
      if (!sheet.part || counter.exhausted) continue
      const layout = { merges: [] as string[] }
      const rows = (async function* () {
        for await (const row of workbook.rows(sheet, layout)) {
          if (!counter.take(sheet.name)) return
          yield row
        }
      })()
      read.push(await readSheetRows(sheet.name, register, rows, layout, reading, problems))
    }
    // A workbook beyond its bounds was not read in full: nothing of it is checked.
    return counter.stopped ? null : read
  } catch (error) {
    if (!(error instanceof PackageRefusal)) throw error
    problems.refuseFile(
      error.reason === 'notZip'
        ? 'workbook.notXlsx'
        : error.reason === 'tooLarge'
          ? 'workbook.tooLarge'
          : 'workbook.damagedPart',
      { part: error.part ?? '', size: String(bounds.maxFileBytes / 1024 / 1024) },
    )
    return null
  }
}

/** Counts rows as they are read, and stops a sheet, or the whole workbook, past its bound. */
class RowCounter {
  private total = 0
  private readonly bySheet = new Map<string, number>()
  exhausted = false
  stopped = false

  constructor(
    private readonly bounds: ImportBounds,
    private readonly problems: Problems,
  ) {}

  take(sheet: string): boolean {
    if (this.exhausted) return false
    const count = (this.bySheet.get(sheet) ?? 0) + 1
    this.bySheet.set(sheet, count)
    this.total += 1
    if (count > this.bounds.maxRowsPerSheet) {
      this.stopped = true
      this.problems.refuseFile(
        'workbook.tooManyRows',
        { max: formatCount(this.bounds.maxRowsPerSheet, this.problems.language) },
        sheet,
      )
      return false
    }
    if (this.total > this.bounds.maxRows) {
      this.problems.refuseFile('workbook.tooManyRowsInAll', {
        max: formatCount(this.bounds.maxRows, this.problems.language),
      })
      this.exhausted = true
      this.stopped = true
      return false
    }
    return true
  }
}
