import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { CheckProblem } from '../check/check-problem'
import { today } from '@shared/validation/dates'
import { accountingProblems } from './accounting-check'

/** The books' invariants as `aimf check` runs them: today's books, and their structure too. */
export function booksProblems(db: Kysely<Database>): Promise<CheckProblem[]> {
  return accountingProblems(db, { today: today(), structure: true })
}
