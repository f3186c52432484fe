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

/** A sheet of the workbook: its rows, and what the import did (or would do) with each. */
export interface WorkbookSheetCount {
  sheet: string
  rows: number
  /** Filled once the rows were written (by the import, or by a dry run, then rolled back). */
  created?: number
  updated?: number
  unchanged?: number
}

export interface WorkbookReport {
  problems: WorkbookProblem[]
  /** Problems found beyond those listed (a report lists the first thousand). */
  omittedProblems: number
  sheets: WorkbookSheetCount[]
  /** True for a dry run: everything was done as the import would, then rolled back. */
  dryRun: boolean
  /** True when the import ran to its end and was kept (never in a dry run). */
  imported: boolean
}
