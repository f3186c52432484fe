import type ExcelJS from 'exceljs'

/** A sheet's autofilter: the sheet, its place among the workbook's sheets, its range ("A9:J40"). */
export interface SheetFilter {
  sheet: string
  /** The sheet's index in the order the workbook lists its sheets, from 0. */
  index: number
  range: string
}

/** A defined name as exceljs's writers render it (`localSheetId` makes it the sheet's own). */
interface NameModel {
  name: string
  localSheetId?: number
  ranges: string[]
}

/**
 * Declares each sheet's autofilter in the workbook's defined names, as Excel itself does: a
 * `_xlnm._FilterDatabase` name local to the sheet. exceljs writes the sheet's `<autoFilter>`
 * but not the name; Excel shows the filter buttons all the same, LibreOffice only with the name
 * (exceljs #2778, LibreOffice tdf#118592).
 *
 * Both of exceljs's writers (the workbook's and the streaming one) take the names to write from
 * `definedNames.model` and write each with its `localSheetId`: the filters' names are added to
 * what that gives, when the workbook is written. Rewriting the package afterwards instead would
 * unzip and zip again a large export.
 */
export function declareFilters(
  workbook: { definedNames: ExcelJS.DefinedNames },
  filters: SheetFilter[],
): void {
  const names = workbook.definedNames
  const prototype = Object.getPrototypeOf(names) as object
  const inherited = Object.getOwnPropertyDescriptor(prototype, 'model')
  if (!inherited?.get) throw new Error('exceljs no longer gives its defined names as a model')
  const own = inherited.get
  Object.defineProperty(names, 'model', {
    configurable: true,
    get: (): NameModel[] => [
      ...(own.call(names) as NameModel[]),
      ...filters.map((filter) => ({
        name: '_xlnm._FilterDatabase',
        localSheetId: filter.index,
        ranges: [`${quotedSheet(filter.sheet)}!${absolute(filter.range)}`],
      })),
    ],
  })
}

/** A sheet's name as a formula writes it: quoted, its own quotes doubled. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`
}

/** "A9:J40" → "$A$9:$J$40". */
function absolute(range: string): string {
  return range
    .split(':')
    .map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':')
}
