import type { Language } from '@shared/i18n/locale'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { type MessageParams, translate } from '@shared/i18n/translate'
import type { WorkbookProblem } from '@shared/workbook/schema'

/** A problem before it is said in the user's language: where, what was found, which message. */
export interface ProblemAt {
  sheet: string
  row: number | null
  column: string | null
  value: string | null
  key: MessageKey
  params?: MessageParams
  /** A blocking problem stops the import; a warning is only said. */
  blocking: boolean
}

/** Values longer than this are cut in a problem: the cell is named, the value only recalled. */
const SHOWN_VALUE = 200

/**
 * The problems of one import, said in the user's language as they are found. Past `max`, they
 * are counted, not listed: a workbook with a mistake on every one of 50,000 rows gives a report
 * a person (and a pipe) can take, saying how many more there were.
 */
export class Problems {
  private readonly listed: WorkbookProblem[] = []
  private omittedCount = 0
  private blockingCount = 0

  constructor(
    readonly language: Language,
    private readonly max: number,
  ) {}

  add(problem: ProblemAt): void {
    if (problem.blocking) this.blockingCount += 1
    if (this.listed.length >= this.max) {
      this.omittedCount += 1
      return
    }
    const value =
      problem.value !== null && problem.value.length > SHOWN_VALUE
        ? `${problem.value.slice(0, SHOWN_VALUE)}…`
        : problem.value
    this.listed.push({
      sheet: problem.sheet,
      row: problem.row,
      column: problem.column,
      value,
      code: problem.key.split('.').at(-1) ?? problem.key,
      message: translate(this.language, problem.key, problem.params),
      blocking: problem.blocking,
    })
  }

  /** A problem of the whole workbook (not a workbook, too large…): it stops everything. */
  refuseFile(key: MessageKey, params?: MessageParams, sheet = ''): void {
    this.add({ sheet, row: null, column: null, value: null, key, params, blocking: true })
  }

  get blocking(): boolean {
    return this.blockingCount > 0
  }

  /** How many blocking problems were found, listed or not. */
  get blockingTotal(): number {
    return this.blockingCount
  }

  get list(): WorkbookProblem[] {
    return this.listed
  }

  get omitted(): number {
    return this.omittedCount
  }
}
