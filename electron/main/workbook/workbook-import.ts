import type { Session } from '../app/session'
import type { Language } from '@shared/i18n/locale'
import type { WorkbookReport, WorkbookSheetCount } from '@shared/workbook/schema'
import {
  type ApplyOptions,
  type SheetOutcomes,
  RowsRefused,
  applySheets,
} from './import/apply-rows'
import { checkSheets } from './import/check-rows'
import { IMPORT_BOUNDS, type ImportBounds } from './import/import-bounds'
import { type ProblemAt, Problems } from './import/problems'
import type { ReadSheet } from './import/read-sheet'
import { readRegisterSheets } from './import/read-registers'
import type { Register } from './register'
import { AppFailure } from '../failure'

export type ImportOptions = ApplyOptions

/**
 * At most this many refusals of the core are searched for once a workbook is refused as it is
 * written: each costs the rows after it an action of their own (a demo's export with its dates
 * shifted by the 1904 date system refused 1,000 rows in two and a half minutes). Enough to
 * correct a workbook by; the next import finds the rest.
 */
const REFUSALS_SEARCHED = 200

export interface ImportRun extends ImportOptions {
  /** True: everything the import would do is done, then rolled back; nothing is kept. */
  dryRun: boolean
  /** Who the change log names. */
  author: string
  /** The language the problems are said in. */
  language: Language
  /** The registers, in the order they are imported (workbook/registers.ts, given by the caller). */
  registers: readonly Register[]
  bounds?: ImportBounds
}

/**
 * Imports a workbook — or, for a dry run, does everything the import would and rolls it back —
 * and says what happened, each problem located (sheet, row, column, the value found and what
 * was expected):
 * 1. the workbook is read within its bounds, every cell as its column says;
 * 2. every row is checked as a form would (references, the contract's rules, duplicates);
 * 3. the rows are written through the registers' services, in one transaction of the data
 *    file — committed for an import (after a verified backup), rolled back for a dry run. A row
 *    the core refuses stops the writing and undoes it all; the import is then run once more,
 *    each row in a savepoint and rolled back, to find every row the core would refuse.
 * So a dry run refuses exactly what the import would, and an import after a passing dry run
 * writes what the dry run said.
 */
export async function importWorkbook(
  session: Session,
  path: string,
  run: ImportRun,
): Promise<WorkbookReport> {
  const bounds = run.bounds ?? IMPORT_BOUNDS
  const problems = new Problems(run.language, bounds.maxProblems)
  const sheets = await readRegisterSheets(path, run.registers, problems, bounds)
  if (sheets && sheets.length === 0 && !problems.blocking)
    problems.refuseFile('workbook.noRegister')
  if (!sheets) return reportOf(problems, [], null, run)
  await checkSheets(session, sheets, problems)
  if (problems.blocking) return reportOf(problems, sheets, null, run)

  const apply =
    (collect: boolean, onProblem?: (problem: ProblemAt) => void, signal = run.signal) =>
    () =>
      applySheets(session, sheets, run.author, run.language, {
        ...run,
        ...(signal ? { signal } : {}),
        collect,
        onProblem,
      })
  try {
    // The first pass only needs to know whether everything was written: its statements are
    // written while the next rows are prepared (data-file.ts, batch).
    const firstPass = { pipelined: true }
    if (run.dryRun) {
      const counts = await session.file.rehearse(run.author, apply(false), firstPass)
      return reportOf(problems, sheets, counts, run)
    }
    await session.backups.create('import')
    const counts = await session.file.batch(run.author, apply(false), firstPass)
    return reportOf(problems, sheets, counts, run)
  } catch (error) {
    if (!(error instanceof RowsRefused)) throw error
    // Everything was undone at the first refusal. Every row the core refuses is now found, in a
    // second run rolled back too (its first refusal said if it finds none, which cannot be).
    // A workbook refused row after row is not searched to its end: each refusal writes the rows
    // after it again, one by one. Once a report's worth is found, the search stops and says so.
    const found: ProblemAt[] = []
    const enough = new AbortController()
    const signal = run.signal ? AbortSignal.any([run.signal, enough.signal]) : enough.signal
    const listed = Math.max(1, Math.min(bounds.maxProblems - 1, REFUSALS_SEARCHED))
    try {
      await session.file.rehearse(
        run.author,
        apply(
          true,
          (problem) => {
            found.push(problem)
            if (found.length >= listed) enough.abort()
          },
          signal,
        ),
      )
    } catch (stopped) {
      const searchStopped =
        enough.signal.aborted &&
        !run.signal?.aborted &&
        stopped instanceof AppFailure &&
        stopped.code === 'CANCELLED'
      if (!searchStopped) throw stopped
    }
    // Said first: listed after a full report, it would be the one left out.
    if (enough.signal.aborted)
      problems.refuseFile('workbook.searchStopped', { count: found.length })
    for (const problem of found.length > 0 ? found : error.problems) problems.add(problem)
    return reportOf(problems, sheets, null, run)
  }
}

function reportOf(
  problems: Problems,
  sheets: readonly ReadSheet[],
  outcomes: SheetOutcomes[] | null,
  run: ImportRun,
): WorkbookReport {
  const counts: WorkbookSheetCount[] = sheets.map((sheet, index) => ({
    sheet: sheet.name,
    rows: sheet.rows.length,
    ...(outcomes?.[index] ?? {}),
  }))
  return {
    problems: problems.list,
    omittedProblems: problems.omitted,
    sheets: counts,
    dryRun: run.dryRun,
    imported: outcomes !== null && !run.dryRun,
  }
}
