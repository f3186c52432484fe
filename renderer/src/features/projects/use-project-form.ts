import type { FieldValues } from 'react-hook-form'
import type { ProjectDetail } from '@shared/projects/schema'
import { type RecordFormOptions, useRecordForm } from '../../lib/use-record-form'

/**
 * A form of the project page: its text values turned into a channel's input, checked with the
 * channel's schema as the user types, sent, the project page answered back with the project the
 * core returns, and the form emptied for the next entry.
 */
export function useProjectForm<Values extends FieldValues>(
  options: Omit<RecordFormOptions<Values, ProjectDetail>, 'resetOnSave' | 'editedName'>,
) {
  return useRecordForm({ ...options, resetOnSave: true })
}

/** What a form of the project page is given: the project, and where the saved project goes. */
export type ProjectEntryProps = {
  project: ProjectDetail
  onSaved: (project: ProjectDetail) => void
}

/**
 * What a section of the project page is given: the project, where a change goes with what the
 * page says of it, and where a failure is said.
 */
export type ProjectSectionProps = {
  project: ProjectDetail
  onSaved: (project: ProjectDetail, message: string) => void
  onError: (message: string) => void
}
