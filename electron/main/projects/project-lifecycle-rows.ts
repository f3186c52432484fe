import { z } from 'zod'
import type { Session } from '../app/session'
import { AppFailure } from '../failure'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { translate } from '@shared/i18n/translate'
import { optionalIsoDate } from '@shared/validation/dates'
import { optionalText, requiredText } from '@shared/validation/fields'
import { PROJECT_STATUSES, type ProjectStatus, projectInput } from '@shared/projects/schema'
import { type ProjectAsFound } from '../workbook/references'

/** The moves of a project's lifecycle after its request, each with the column of its date. */
export const STEPS = [
  { status: 'approved', date: 'approvedOn' },
  { status: 'agreement_signed', date: 'signedOn' },
  { status: 'in_progress', date: 'startedOn' },
  { status: 'completed', date: 'completedOn' },
  { status: 'closed', date: 'closedOn' },
] as const satisfies readonly { status: ProjectStatus; date: string }[]

/**
 * The moves made as a project's row is read (approved, signed, started): money is committed
 * and paid under them. Completion, closure and abandonment wait for every sheet, since closing
 * waits for the tranches.
 */
export const MOVED_AT_ONCE = 3

export const projectRowInput = projectInput
  .safeExtend({
    code: requiredText(30),
    status: z.enum(PROJECT_STATUSES, { error: 'validation.choice' }),
    submittedOn: optionalIsoDate,
    approvedOn: optionalIsoDate,
    bureauMeeting: optionalText(200),
    approvalOverride: optionalText(2000),
    signedOn: optionalIsoDate,
    startedOn: optionalIsoDate,
    completedOn: optionalIsoDate,
    closedOn: optionalIsoDate,
    abandonedOn: optionalIsoDate,
    abandonReason: optionalText(2000),
  })
  .superRefine((row, ctx) => {
    const reached = stepsReached(row)
    const say = (path: string, message: MessageKey) =>
      ctx.addIssue({ code: 'custom', path: [path], message })
    STEPS.forEach((step, index) => {
      if (index < reached && !row[step.date]) say(step.date, 'validation.required')
      if (index >= reached && row[step.date]) say(step.date, 'workbook.dateBeyondStatus')
    })
    if (reached > 0 && !row.bureauMeeting) say('bureauMeeting', 'validation.bureauMeeting')
    if (row.status === 'abandoned') {
      if (!row.abandonedOn) say('abandonedOn', 'validation.required')
      if (!row.abandonReason) say('abandonReason', 'validation.abandonReason')
    } else if (row.abandonedOn) say('abandonedOn', 'workbook.dateBeyondStatus')
  })
export type ProjectRow = z.output<typeof projectRowInput>
type Lifecycle = Pick<
  ProjectRow,
  'status' | 'approvedOn' | 'signedOn' | 'startedOn' | 'completedOn' | 'closedOn'
>

/**
 * How many moves of {@link STEPS} a row says the project made: up to its status, or for an
 * abandoned project, as far as its dates go.
 */
export function stepsReached(row: Lifecycle): number {
  if (row.status === 'abandoned') {
    const missing = STEPS.findIndex((step) => !row[step.date])
    return missing === -1 ? STEPS.length : missing
  }
  return STEPS.findIndex((step) => step.status === row.status) + 1
}

/** How far along a project of the file is, as a count of {@link STEPS}. */
function stepsMade(status: ProjectStatus): number {
  return STEPS.findIndex((step) => step.status === status) + 1
}

/**
 * Makes the moves the row records that the project has not made yet, up to `upTo` steps (and
 * its abandonment once every step is allowed). A workbook never moves a project back.
 */
export async function moveAlong(
  session: Session,
  project: ProjectAsFound,
  row: ProjectRow,
  upTo: number,
  author: string,
): Promise<boolean> {
  const reached = stepsReached(row)
  const status = project.status as ProjectStatus
  const made = status === 'abandoned' ? Infinity : stepsMade(status)
  const behind = project.status === 'abandoned' ? row.status !== 'abandoned' : made > reached
  if (behind) {
    throw new AppFailure('CONFLICT', 'workbook.statusBehind', {
      code: project.code,
      status: { message: `projects.status.${status}` },
    })
  }
  let moved = false
  const move = async (to: ProjectStatus, onDate: string) => {
    await session.projects.move(
      {
        projectId: project.id,
        to,
        onDate,
        note: null,
        bureauMeeting: to === 'approved' ? row.bureauMeeting : null,
        overrideReason: to === 'approved' ? row.approvalOverride : null,
        reason: to === 'abandoned' ? row.abandonReason : null,
      },
      author,
      // An approval a workbook records for a city then in arrears, without its reason, was
      // decided before the file kept its dues: it is written with a reason saying so.
      { reasonIfInArrears: translate(session.language(), 'workbook.approvedByImport') },
    )
    project.status = to
    moved = true
  }
  for (let index = made; index < Math.min(reached, upTo); index++) {
    const step = STEPS[index]
    const onDate = step && row[step.date]
    if (step && onDate) await move(step.status, onDate)
  }
  if (upTo === STEPS.length && row.status === 'abandoned' && project.status !== 'abandoned') {
    await move('abandoned', row.abandonedOn ?? '')
  }
  return moved
}
