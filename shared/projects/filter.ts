import { matchesSearch } from '../text/search'
import type { ProjectListQuery, ProjectSummary } from './schema'

/**
 * Whether a project passes the list's filters: the same rule for the list in the window and
 * for the command line, so both show the same projects.
 */
export function projectMatches(project: ProjectSummary, query: ProjectListQuery): boolean {
  if (query.status && project.status !== query.status) return false
  if (query.country && project.country !== query.country) return false
  if (query.region && project.region !== query.region) return false
  if (query.sectorCode && !project.sectorCode.startsWith(query.sectorCode)) return false
  if (query.programme && project.programme !== query.programme) return false
  if (query.funderId && !project.funderIds.includes(query.funderId)) return false
  if (query.year !== undefined && project.year !== query.year) return false
  if (query.lateTranches && project.lateTranches === 0) return false
  if (query.overdueReports && project.overdueReports === 0) return false
  return matchesSearch(query.search ?? '', [project.code, project.title, project.memberName])
}
