/** What one step measured: the application's runs and, where there is one, its floor's. */
export interface StepTimes {
  [measure: string]: { ms: number[]; floorMs?: number[]; pages?: number; rows?: number }
}

/** What a bench step is given: the files it measures and how they were generated. */
export interface StepArguments {
  file: string
  /** A smaller generated file whose export is a workbook of about 50,000 rows. */
  rowsFile: string
  folder: string
  years: number
  seed: number
  lastYear: number
}
