import { sql } from 'kysely'
import type { Session } from '../../app/session'
import { AppFailure } from '../../failure'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import {
  ARCHIVED_ON,
  type ImportOutcome,
  type Memo,
  type Register,
  type RegisterKey,
  forgetFileState,
  forgetSheetState,
} from '../register'
import type { ProblemAt } from './problems'
import type { ReadSheet, SheetRow } from './read-sheet'
import { NameResolver } from './resolve'
import { fileRuleProblem, refusalProblems } from './row-refusals'
import { giveWay } from '../../db/give-way'

export interface ApplyOptions {
  /** Told the share of rows written, from 0 to 1. */
  onProgress?: (share: number) => void
  /** Stops the import between two rows; everything written is then rolled back. */
  signal?: AbortSignal
  /**
   * Rows of a bulk register (expenses, payments) written in one action of the import, 5,000
   * unless said: the tests write a few at a time, so that what one action leaves to the next
   * (what the import remembers, the expenses' shared context) is crossed as in a large file.
   */
  rowsPerAction?: number
}

export interface SheetOutcomes {
  created: number
  updated: number
  unchanged: number
}

/** Rows the core refused while they were written: in the first pass, the first one stops all. */
export class RowsRefused extends Error {
  constructor(readonly problems: ProblemAt[]) {
    super('rows refused')
    this.name = 'RowsRefused'
  }
}

/** Rows of a bulk register (expenses, payments) written in one action of the import. */
const ROWS_PER_ACTION = 5000

/**
 * Writes the rows through each register's service, in order, with the same rules as the
 * window. The caller holds one transaction of the data file around it.
 *
 * Two ways: `collect` false, the first row refused stops everything (the import's one pass,
 * as fast as it goes); `collect` true, each row is written within a savepoint and a refused
 * one is undone alone and said, so that every row the core would refuse is found in one run
 * (run only once a first pass was refused: it costs two statements a row).
 */
export async function applySheets(
  session: Session,
  sheets: readonly ReadSheet[],
  author: string,
  language: Language,
  {
    collect,
    onProblem,
    ...options
  }: ApplyOptions & {
    collect: boolean
    onProblem?: (problem: ProblemAt) => void
  },
): Promise<SheetOutcomes[]> {
  const run = new ApplyRun(session, author, language, collect, options, onProblem)
  return run.sheets(sheets)
}

interface Waiting {
  sheet: ReadSheet
  row: SheetRow
  input: Record<string, unknown>
  outcome: ImportOutcome
  count: SheetOutcomes
}

class ApplyRun {
  private readonly memo: Memo = new Map()
  private readonly resolver: NameResolver
  private done = 0

  constructor(
    private readonly session: Session,
    private readonly author: string,
    private readonly language: Language,
    private readonly collect: boolean,
    private readonly options: ApplyOptions,
    private readonly onProblem: ((problem: ProblemAt) => void) | undefined,
  ) {
    this.resolver = new NameResolver(session, this.memo)
  }

  async sheets(sheets: readonly ReadSheet[]): Promise<SheetOutcomes[]> {
    const total = sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0)
    const counts = sheets.map(() => ({ created: 0, updated: 0, unchanged: 0 }))
    // Records the workbook says are archived: written as they were, archived once every sheet
    // is in (a member's calls and payments are recorded while it is still active).
    const archived: { sheet: ReadSheet; row: SheetRow }[] = []
    const finishing: Waiting[] = []
    for (const [index, sheet] of sheets.entries()) {
      const count = counts[index] ?? { created: 0, updated: 0, unchanged: 0 }
      const order = sheet.register.order
      const rows = order ? [...sheet.rows].sort((a, b) => order(a.input, b.input)) : sheet.rows
      const written = (row: SheetRow, input: Record<string, unknown>, outcome: ImportOutcome) => {
        count[outcome] += 1
        if (sheet.register.archive && row.input[ARCHIVED_ON]) archived.push({ sheet, row })
        if (sheet.register.finish) finishing.push({ sheet, row, input, outcome, count })
      }
      if (sheet.register.applyAll) await this.bulk(sheet, rows, total, written)
      else {
        for (const row of rows) {
          this.checkCancelled()
          const done = await this.guarded(sheet, row, async () => {
            const input = await this.contract(sheet, row)
            const outcome = await sheet.register.apply(this.session, input, this.author, this.memo)
            return { input, outcome }
          })
          this.progress(1, total)
          if (done) written(row, done.input, done.outcome)
        }
      }
      // In the first pass, the sheet's statements are waited for here: one that failed refuses
      // the sheet (its last row is named; the second pass finds the row itself).
      const last = rows[rows.length - 1]
      if (!this.collect && last) await this.guarded(sheet, last, () => this.session.file.settle())
      // The sheet is written: what its check parsed is let go (a second run parses it again),
      // and what its actions shared is forgotten (a later sheet may move what it read).
      for (const row of sheet.rows) delete row.contract
      forgetSheetState(this.memo)
    }
    for (const { sheet, row, input, outcome, count } of finishing) {
      this.checkCancelled()
      const changed = await this.guarded(sheet, row, async () =>
        sheet.register.finish?.(this.session, input, this.author, this.memo),
      )
      // A row found unchanged whose ending is now recorded (a project closed since) was updated.
      if (changed && outcome === 'unchanged') {
        count.unchanged -= 1
        count.updated += 1
      }
    }
    for (const { sheet, row } of archived) {
      this.checkCancelled()
      await this.guarded(sheet, row, async () => {
        const id = await this.resolver.resolve(sheet.register.key, nameOf(sheet.register, row))
        if (id) await sheet.register.archive?.(this.session, id, this.author)
        return true
      })
    }
    return counts
  }

  /**
   * A register of many alike rows, written a few thousand at a time; `written` is told each row
   * written, with its input and outcome. When collecting, a refused row is left out and the rows
   * before it written again, then those after it one by one (a register's `at` says which row it
   * is checking: a refusal is the row last named).
   */
  private async bulk(
    sheet: ReadSheet,
    rows: readonly SheetRow[],
    total: number,
    written: (row: SheetRow, input: Record<string, unknown>, outcome: ImportOutcome) => void,
  ): Promise<void> {
    const applyAll = sheet.register.applyAll
    if (!applyAll) return
    const writtenAt = (
      at: readonly SheetRow[],
      inputs: readonly Record<string, unknown>[],
      index: number,
      outcome: ImportOutcome,
    ) => {
      const row = at[index]
      if (row) written(row, inputs[index] ?? {}, outcome)
    }
    const perAction = this.options.rowsPerAction ?? ROWS_PER_ACTION
    for (let start = 0; start < rows.length; start += perAction) {
      const before = this.done
      // The action's rows; when collecting, a refused row is left out and the rows before it,
      // then those after it, are tried again as actions of their own — each refusal found at
      // its own row, as one by one.
      const actions = [rows.slice(start, start + perAction)]
      while (actions.length > 0) {
        this.checkCancelled()
        const slice = actions.shift() ?? []
        let current = 0
        let failedAt = -1
        const inputs: Record<string, unknown>[] = []
        const outcomes = await this.guarded(
          sheet,
          () => slice[current] ?? slice[0],
          async () => {
            for (const [index, row] of slice.entries()) {
              current = index
              await giveWay()
              inputs.push(await this.contract(sheet, row))
            }
            current = 0
            return applyAll(this.session, inputs, this.author, this.memo, (index) => {
              this.checkCancelled()
              current = index
              if (index % 50 === 0) this.options.onProgress?.((before + index) / total)
            })
          },
          () => (failedAt = current),
        )
        if (outcomes) {
          outcomes.forEach((outcome, index) => writtenAt(slice, inputs, index, outcome))
          continue
        }
        // The rows before the refused one were written until it: again as one action. Those
        // after it, one action each: split again at each refusal, a sheet of many refused rows
        // would prepare its rest once per refusal (1,353 refused payments took ten minutes).
        const after = slice.slice(failedAt + 1).map((row) => [row])
        actions.unshift(...[slice.slice(0, failedAt), ...after].filter((part) => part.length > 0))
      }
      this.progress(Math.min(perAction, rows.length - start), total)
    }
  }

  /**
   * A row as its register's contract takes it: references made ids, the archive date aside (as
   * the check took it, for a row that names no record). A reference that finds nothing now
   * names a record whose own row was refused.
   */
  private async contract(sheet: ReadSheet, row: SheetRow): Promise<Record<string, unknown>> {
    if (row.contract) return row.contract
    const register = sheet.register
    for (const column of register.columns) {
      if (!column.references || !row.input[column.field]) continue
      const name = column.referenceKey?.(row.input) ?? String(row.input[column.field])
      if (await this.resolver.resolve(column.references as RegisterKey, name)) continue
      throw new RowsRefused([
        {
          sheet: sheet.name,
          row: row.row,
          column: sheet.headings.get(column.field) ?? translate(this.language, column.heading),
          value: String(row.input[column.field]),
          key: 'workbook.referenceRefused',
          blocking: true,
        },
      ])
    }
    const fields = register.archive
      ? Object.fromEntries(Object.entries(row.input).filter(([field]) => field !== ARCHIVED_ON))
      : row.input
    const input = register.toInput ? await register.toInput(fields, this.resolver.resolve) : fields
    return register.schema.parse(input) as Record<string, unknown>
  }

  /**
   * Runs one row's writing. A refusal of the core becomes the row's located problems: thrown
   * in the first pass; in a collecting pass, the row's writing is undone alone (a savepoint),
   * what the import remembered of the file forgotten, and null returned.
   */
  private async guarded<T>(
    sheet: ReadSheet,
    row: SheetRow | (() => SheetRow | undefined),
    work: () => Promise<T>,
    onRefused?: () => void,
  ): Promise<T | null> {
    const db = this.session.file.db
    if (this.collect) await sql`SAVEPOINT workbook_row`.execute(db)
    try {
      const result = await work()
      if (this.collect) await sql`RELEASE workbook_row`.execute(db)
      return result
    } catch (error) {
      const at = typeof row === 'function' ? row() : row
      const problems = at ? this.problemsOf(error, sheet, at) : null
      if (!problems) throw error
      if (!this.collect) throw new RowsRefused(problems)
      await sql`ROLLBACK TO workbook_row`.execute(db)
      await sql`RELEASE workbook_row`.execute(db)
      forgetFileState(this.memo)
      this.resolver.forget()
      for (const problem of problems) this.onProblem?.(problem)
      onRefused?.()
      return null
    }
  }

  private problemsOf(error: unknown, sheet: ReadSheet, row: SheetRow): ProblemAt[] | null {
    if (error instanceof RowsRefused) return error.problems
    if (error instanceof AppFailure) {
      if (error.code === 'CANCELLED') return null
      return refusalProblems(error, sheet, row, this.language)
    }
    const rule = fileRuleProblem(error, sheet, row)
    return rule ? [rule] : null
  }

  private checkCancelled() {
    if (this.options.signal?.aborted) throw new AppFailure('CANCELLED')
  }

  private progress(rows: number, total: number) {
    const before = this.done
    this.done += rows
    if (total > 0 && Math.floor(before / 50) !== Math.floor(this.done / 50))
      this.options.onProgress?.(this.done / total)
  }
}

/** What other rows name a row's record by (a funder's name, a project's code). */
function nameOf(register: Register, row: SheetRow): string {
  return register.name?.(row.input) ?? register.identity(row.input)
}
