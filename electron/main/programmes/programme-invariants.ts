import { type Kysely, sql } from 'kysely'
import { DEFAULT_PROGRAMME_CODES } from '@shared/programmes/schema'
import type { Database } from '../db/schema'
import type { CheckProblem } from '../check/check-problem'

/**
 * Projects and programme-tied agreements whose programme the file does not know: neither one
 * of the defaults nor one the secretariat added (archived ones count: records keep them). The
 * services refuse an unknown code; this finds one written around them, or brought by a copy
 * whose programme's creation did not come with it.
 */
export async function programmeProblems(db: Kysely<Database>): Promise<CheckProblem[]> {
  const defaults = sql.join(DEFAULT_PROGRAMME_CODES.map((code) => sql`${code}`))
  const projects = await sql<{ name: string; code: string }>`
    SELECT code AS name, programme AS code FROM projects
    WHERE programme NOT IN (${defaults}) AND programme NOT IN (SELECT code FROM programmes)
    ORDER BY 1`.execute(db)
  const agreements = await sql<{ name: string; code: string }>`
    SELECT reference AS name, programme_code AS code FROM agreements
    WHERE programme_code IS NOT NULL AND programme_code NOT IN (${defaults})
      AND programme_code NOT IN (SELECT code FROM programmes)
    ORDER BY 1`.execute(db)
  return [
    ...projects.rows.map((row) => ({
      key: 'check.projectProgrammeUnknown' as const,
      params: { name: row.name, code: row.code },
    })),
    ...agreements.rows.map((row) => ({
      key: 'check.agreementProgrammeUnknown' as const,
      params: { name: row.name, code: row.code },
    })),
  ]
}
