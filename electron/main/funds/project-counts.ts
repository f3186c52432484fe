import { sql } from 'kysely'
import type { DataFile } from '../db/data-file'
import { PROJECT_STATUSES, type ProjectStatus } from '@shared/projects/lifecycle'
import type { ProjectCounts } from '@shared/funds/schema'
import { compareCodes } from '@shared/text/compare-codes'

/**
 * The live (not archived) projects by status and by their member's country, as they stand
 * today: the dashboard's and `aimf summary --json`'s one reading.
 */
export async function projectCounts(db: DataFile['db']): Promise<ProjectCounts> {
  const rows = await sql<{ status: string; country: string | null; n: number }>`
    SELECT p.status, m.country, COUNT(*) AS n
    FROM projects p JOIN members m ON m.id = p.member_id
    WHERE p.deleted_at IS NULL
    GROUP BY p.status, m.country`.execute(db)
  const byStatus = new Map<ProjectStatus, number>(PROJECT_STATUSES.map((s) => [s, 0]))
  const byCountry = new Map<string | null, number>()
  for (const row of rows.rows) {
    const n = Number(row.n)
    const status = row.status as ProjectStatus
    byStatus.set(status, (byStatus.get(status) ?? 0) + n)
    byCountry.set(row.country, (byCountry.get(row.country) ?? 0) + n)
  }
  return {
    total: rows.rows.reduce((sum, row) => sum + Number(row.n), 0),
    byStatus: [...byStatus].map(([status, count]) => ({ status, count })),
    byCountry: [...byCountry]
      .map(([country, count]) => ({ country, count }))
      // Projects of members without a country come after the countries of the same count.
      .sort((a, b) => b.count - a.count || compareCodes(a.country ?? '~', b.country ?? '~')),
  }
}
