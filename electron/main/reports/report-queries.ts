import { sql } from 'kysely'
import type { DataFile } from '../db/data-file'
import {
  indicatorProgress,
  type IndicatorLevel,
  type IndicatorMeasure,
} from '@shared/projects/schema'

export interface ProjectIndicatorRow {
  projectId: string
  name: string
  level: IndicatorLevel
  measure: IndicatorMeasure
  unit: string | null
  baseline: string | null
  baselineOn: string | null
  target: string
  targetOn: string | null
  actual: string | null
  progress: number | null
}

/** The indicators of many projects with their latest value, in one query. */
export async function indicatorsOf(
  db: DataFile['db'],
  projectIds: readonly string[],
): Promise<ProjectIndicatorRow[]> {
  if (projectIds.length === 0) return []
  const rows = await sql<{
    project_id: string
    name: string
    level: IndicatorLevel
    measure: IndicatorMeasure
    unit: string | null
    baseline_value: string | null
    baseline_on: string | null
    target_value: string
    target_on: string | null
    actual: string | null
  }>`
    SELECT i.project_id, i.name, i.level, i.measure, i.unit, i.baseline_value, i.baseline_on,
      i.target_value, i.target_on,
      (SELECT v.value FROM indicator_values v WHERE v.indicator_id = i.id AND v.deleted_at IS NULL
        ORDER BY v.period_end DESC LIMIT 1) AS actual
    FROM indicators i
    WHERE i.deleted_at IS NULL AND i.project_id IN (${sql.join([...projectIds])})
    ORDER BY i.project_id, i.position`.execute(db)
  return rows.rows.map((row) => ({
    projectId: row.project_id,
    name: row.name,
    level: row.level,
    measure: row.measure,
    unit: row.unit,
    baseline: row.baseline_value,
    baselineOn: row.baseline_on,
    target: row.target_value,
    targetOn: row.target_on,
    actual: row.actual,
    progress: indicatorProgress(row.measure, row.baseline_value, row.target_value, row.actual),
  }))
}

/**
 * AIMF money committed to and paid to each project between two days, in euro cents, from the
 * ledger's allocations and disbursements on its financing lines; optionally of one agreement.
 */
export async function projectFlows(
  db: DataFile['db'],
  from: string,
  to: string,
  agreementId: string | null = null,
): Promise<Map<string, { committed: number; paid: number }>> {
  const rows = await sql<{ project_id: string; committed: number; paid: number }>`
    SELECT l.project_id,
      SUM(CASE WHEN e.kind = 'allocation' THEN e.eur_minor ELSE 0 END) AS committed,
      SUM(CASE WHEN e.kind = 'disbursement' THEN e.eur_minor ELSE 0 END) AS paid
    FROM ledger_entries e JOIN financing_lines l ON l.id = e.use_id
    WHERE e.deleted_at IS NULL AND e.use_table = 'financing_lines'
      AND e.entry_date >= ${from} AND e.entry_date <= ${to}
      ${agreementId ? sql`AND e.agreement_id = ${agreementId}` : sql``}
    GROUP BY l.project_id`.execute(db)
  return new Map(
    rows.rows.map((row) => [
      row.project_id,
      { committed: Number(row.committed), paid: Number(row.paid) },
    ]),
  )
}

/** The English titles of those projects that have one, by project id. */
export async function englishTitles(
  db: DataFile['db'],
  projectIds: readonly string[],
): Promise<Map<string, string>> {
  if (projectIds.length === 0) return new Map()
  const rows = await sql<{ id: string; title_en: string }>`
    SELECT id, title_en FROM projects
    WHERE title_en IS NOT NULL AND title_en <> '' AND id IN (${sql.join([...projectIds])})`.execute(
    db,
  )
  return new Map(rows.rows.map((row) => [row.id, row.title_en]))
}
