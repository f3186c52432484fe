import { Group } from '@mantine/core'
import type { ComponentType } from 'react'
import type { ProjectDetail } from '@shared/projects/schema'
import { EntryButton } from '../../components/page/EntryButton'
import type { ProjectEntryProps } from './use-project-form'

/**
 * A section's « Ajouter… » on the project page: the button, its form in a dialog, and once the
 * form has saved, the dialog closed and the page given the project with what was added.
 */
export function ProjectEntry({
  label,
  unavailable,
  form: Form,
  project,
  added,
  onSaved,
}: {
  label: string
  /** Why nothing can be added now (a closed or archived project); null when it can. */
  unavailable: string | null
  form: ComponentType<ProjectEntryProps>
  project: ProjectDetail
  /** What the page says once the entry is saved. */
  added: string
  onSaved: (project: ProjectDetail, message: string) => void
}) {
  return (
    <Group mt="sm">
      <EntryButton label={label} unavailable={unavailable}>
        {(close) => (
          <Form
            project={project}
            onSaved={(next) => {
              close()
              onSaved(next, added)
            }}
          />
        )}
      </EntryButton>
    </Group>
  )
}
