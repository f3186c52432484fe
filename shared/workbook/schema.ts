/** One problem found in a workbook: where, what was found, and what was expected. */
export interface WorkbookProblem {
  sheet: string
  /** The worksheet row (1 is the heading row); null for a problem of the whole sheet. */
  row: number | null
  column: string | null
  value: string | null
  code: string
  message: string
  /** A blocking problem stops the import; a warning is only said. */
  blocking: boolean
}

export interface WorkbookSheetCount {
  sheet: string
  rows: number
  /** Rows whose record does not exist yet, and rows that name an existing one. */
  create: number
  update: number
  /** Filled after the import: what happened to each row. */
  created?: number
  updated?: number
  unchanged?: number
}

export interface WorkbookReport {
  problems: WorkbookProblem[]
  sheets: WorkbookSheetCount[]
  /** True when the import ran (never with a blocking problem, never in a dry run). */
  imported: boolean
}
