import type { ProjectBreakdownRow, ProjectsBreakdown, ProjectSummary } from './schema'

/**
 * Projects counted by country, programme and status, with their cost and AIMF money in euros:
 * the same sums in the window, the command line and the reports.
 */
export function breakdownOf(projects: readonly ProjectSummary[]): ProjectsBreakdown {
  const group = (keyOf: (p: ProjectSummary) => string): ProjectBreakdownRow[] => {
    const rows = new Map<string, ProjectBreakdownRow>()
    for (const p of projects) {
      const key = keyOf(p)
      const row = rows.get(key) ?? { key, projects: 0, costEur: 0, committedEur: 0, paidEur: 0 }
      row.projects += 1
      row.costEur += p.totalCostEur
      row.committedEur += p.committedEur
      row.paidEur += p.paidEur
      rows.set(key, row)
    }
    return [...rows.values()].sort(
      (a, b) => b.committedEur - a.committedEur || b.projects - a.projects,
    )
  }
  return {
    byCountry: group((p) => p.country ?? ''),
    byProgramme: group((p) => p.programme),
    byStatus: group((p) => p.status),
  }
}
