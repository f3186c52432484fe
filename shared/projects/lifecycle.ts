// A project's lifecycle: its statuses in order and the moves between them.

/** A project's lifecycle, in its order; `abandoned` may follow any state before `closed`. */
export const PROJECT_STATUSES = [
  'in_review',
  'approved',
  'agreement_signed',
  'in_progress',
  'completed',
  'closed',
  'abandoned',
] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]

/** The statuses in which a tranche may be paid to the city: its agreement is signed. */
export const TRANCHE_PAYABLE_STATUSES: readonly ProjectStatus[] = [
  'agreement_signed',
  'in_progress',
  'completed',
]

const NEXT_STATUS: Readonly<Record<ProjectStatus, ProjectStatus | null>> = {
  in_review: 'approved',
  approved: 'agreement_signed',
  agreement_signed: 'in_progress',
  in_progress: 'completed',
  completed: 'closed',
  closed: null,
  abandoned: null,
}

/** The statuses a project may move to from `status`: the next one, or abandonment. */
export function allowedTransitions(status: ProjectStatus): ProjectStatus[] {
  const next = NEXT_STATUS[status]
  if (next === null) return []
  return [next, 'abandoned']
}

/** Projects still running: money may be committed and paid, and they count as open. */
export function isOpenStatus(status: ProjectStatus): boolean {
  return status !== 'closed' && status !== 'abandoned'
}
