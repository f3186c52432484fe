import { useTranslation } from 'react-i18next'
import type { ProjectDetail } from '@shared/projects/schema'

/**
 * Why a project takes no more entries, or null while it does: a project whose lifecycle has
 * ended (closed, abandoned) or that is archived shows its entry buttons disabled with this reason,
 * and never its forms.
 */
export function useClosedReason(project: ProjectDetail): string | null {
  const { t } = useTranslation()
  if (project.archivedAt !== null) return t('recordPage.archived')
  if (project.nextStatuses.length === 0)
    return t('recordPage.closedProject', { status: t(`projects.status.${project.status}`) })
  return null
}
