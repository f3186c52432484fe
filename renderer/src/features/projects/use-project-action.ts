import { useTranslation } from 'react-i18next'
import type { ProjectDetail } from '@shared/projects/schema'
import { errorMessage } from '../../lib/api'

/** Runs a change of a project's part from a button: the page answered back, or the refusal. */
export function useProjectAction(
  onSaved: (project: ProjectDetail, message: string) => void,
  onError: (message: string) => void,
) {
  const { t } = useTranslation()
  return async (run: () => Promise<ProjectDetail>, message: string) => {
    try {
      onSaved(await run(), message)
    } catch (failure) {
      onError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }
}
