import { type Kysely, sql } from 'kysely'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import type { Database } from '../db/schema'
import type { CheckProblem } from './check-problem'

/** What must name one live record only, and the problem said when two share it. */
const UNIQUE_NAMES: readonly { table: string; column: string; key: MessageKey }[] = [
  { table: 'funders', column: 'name', key: 'check.duplicateFunder' },
  { table: 'members', column: 'code', key: 'check.duplicateMemberCode' },
  { table: 'projects', column: 'code', key: 'check.duplicateProjectCode' },
  { table: 'dues_calls', column: 'number', key: 'check.duplicateCallNumber' },
  { table: 'programmes', column: 'code', key: 'check.duplicateProgrammeCode' },
]

/**
 * Names and codes given twice. The application never gives one twice in a file, but copies
 * working offline each give the next free one — two missions can both create "FC-2026-014" —
 * and a merge keeps both records: each such pair is named, for a person to renumber one.
 */
export async function duplicateProblems(db: Kysely<Database>): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = []
  for (const { table, column, key } of UNIQUE_NAMES) {
    const found = await sql<{ name: string; n: number }>`
      SELECT min(trim(${sql.ref(column)})) AS name, count(*) AS n FROM ${sql.table(table)}
      WHERE deleted_at IS NULL GROUP BY lower(trim(${sql.ref(column)})) HAVING count(*) > 1
      ORDER BY 1`.execute(db)
    for (const row of found.rows) problems.push({ key, params: { name: row.name, count: row.n } })
  }
  return problems
}
