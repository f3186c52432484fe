import type { Selectable } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Session } from '../app/session'
import type { RecordValues } from '../changelog/record-writer'
import type { MembersTable } from '../db/schema'
import { duesStandings } from '../dues/dues-accounts'
import { AppFailure, fieldFailure } from '../failure'
import { readAmount } from '../funds/money-input'
import { assertProgrammeUsable } from '../programmes/programmes-service'
import { translate } from '@shared/i18n/translate'
import { allowedTransitions } from '@shared/projects/lifecycle'
import { type ProjectFields, type ProjectStatus, projectInput } from '@shared/projects/schema'
import { type ImportOutcome, type Memo, type Register, oneByOne } from '../workbook/register'
import { projectsByCode } from '../workbook/references'
import { MOVED_AT_ONCE, STEPS, type ProjectRow, stepsReached } from './project-lifecycle-rows'
import { projectColumns } from './projects-service'
import { idChunks, projectsById, ratesOf, writeAsSet } from './set-import'

/** A row's project fields, as the contract of the project's form reads them. */
export function fieldsOfRow(row: ProjectRow): ProjectFields {
  return projectInput.parse(
    Object.fromEntries(
      Object.keys(projectInput.shape).map((field) => [field, row[field as keyof ProjectRow]]),
    ),
  )
}

/**
 * Writes a sheet of new projects as a set: each row goes through ProjectsService's rules —
 * `record` (an active member, a usable programme, a free code, a cost the rates can value),
 * then each `move` the row's dates make at once (approved, signed, started: a move the
 * lifecycle allows, the member's dues standing on the day of the approval) — checked against
 * what is read once. Each project is then inserted once in its final state with the change log
 * of every step, and its transitions together. Completion, closure, abandonment and archiving
 * still wait for every sheet (the register's `finish` and `archive`).
 *
 * A sheet naming projects the file holds goes row by row (`apply`). So does one with a row
 * refused, before anything is written: the refusal is then the row path's own.
 */
export async function writeProjects(
  session: Session,
  rows: ProjectRow[],
  author: string,
  memo: Memo,
  at: (index: number) => void,
  apply: Register<ProjectRow>['apply'],
): Promise<ImportOutcome[]> {
  const byCode = await projectsByCode(session, memo)
  return writeAsSet(
    rows.length,
    async () =>
      rows.some((row) => byCode.has(row.code.toLowerCase()))
        ? null
        : planProjects(session, rows, author, at),
    async (plan) => {
      await session.file.write(author, async (writer) => {
        await writer.insertReplayed('projects', plan.records)
        await writer.insertMany('project_transitions', plan.transitions)
      })
      // As the row path remembers the projects it wrote: as the file now holds them.
      const ids = plan.records.map((record) => record.id)
      for (const project of (await projectsById(session, ids)).values())
        byCode.set(project.code.toLowerCase(), project)
    },
    () => oneByOne(apply, session, rows, author, memo, at),
  )
}

interface ProjectsPlan {
  records: { id: string; first: RecordValues; steps: RecordValues[] }[]
  transitions: RecordValues[]
}

/** Every row's project and moves, checked as the row path checks them; nothing written. */
async function planProjects(
  session: Session,
  rows: readonly ProjectRow[],
  author: string,
  at: (index: number) => void,
): Promise<ProjectsPlan> {
  const db = session.file.db
  const members = await membersOf(session, rows)
  const rateOn = ratesOf(session)
  const today = session.financing.today()
  const programmes = new Map<string, Promise<void>>()
  const codes = new Set<string>()
  const inArrears = translate(session.language(), 'workbook.approvedByImport')
  // Every member's dues standing, read at the first approval (nothing is written meanwhile).
  let standings: ReturnType<typeof duesStandings> | null = null
  const plan: ProjectsPlan = { records: [], transitions: [] }
  for (const [index, row] of rows.entries()) {
    at(index)
    // ProjectsService.record, in its order.
    const fields = fieldsOfRow(row)
    const member = members.get(fields.memberId)
    if (!member) throw new AppFailure('NOT_FOUND')
    if (member.deleted_at) throw fieldFailure('CONFLICT', 'memberId', 'errors.memberArchived')
    let usable = programmes.get(fields.programme)
    if (!usable) {
      usable = assertProgrammeUsable(db, fields.programme, null, 'programme')
      programmes.set(fields.programme, usable)
    }
    await usable
    const code = fields.code ?? ''
    // The file's codes sent the sheet row by row; the sheet's own are told apart here.
    if (!code || codes.has(code.toLowerCase()))
      throw fieldFailure('CONFLICT', 'code', 'errors.codeTaken', { code })
    codes.add(code.toLowerCase())
    const cost = readAmount(fields.totalCost, fields.currency, 'totalCost')
    await rateOn(fields.currency, today, 'currency')
    const id = uuidv7()
    const first: RecordValues = {
      ...projectColumns(fields, code, member.country, cost.minor),
      status: 'in_review',
      approved_on: null,
      bureau_meeting: null,
    }
    const transition = (
      from: ProjectStatus | null,
      to: ProjectStatus,
      onDate: string,
      overrideReason: string | null,
    ) =>
      plan.transitions.push({
        project_id: id,
        from_status: from,
        to_status: to,
        on_date: onDate,
        author,
        note: null,
        override_reason: overrideReason,
      })
    transition(null, 'in_review', row.submittedOn ?? today, null)
    // moveAlong up to MOVED_AT_ONCE, each move as ProjectsService.move makes it.
    let status: ProjectStatus = 'in_review'
    const steps: RecordValues[] = []
    for (const step of STEPS.slice(0, Math.min(stepsReached(row), MOVED_AT_ONCE))) {
      const onDate = row[step.date]
      if (!onDate) continue
      if (!allowedTransitions(status).includes(step.status)) {
        throw fieldFailure('CONFLICT', 'to', 'errors.transitionNotAllowed', {
          from: { message: `projects.status.${status}` },
          to: { message: `projects.status.${step.status}` },
        })
      }
      let overrideReason: string | null = null
      if (step.status === 'approved') {
        overrideReason = row.approvalOverride
        // An approval a workbook records for a city then in arrears, without its reason, was
        // decided before the file kept its dues (as moveAlong says).
        standings ??= duesStandings(db)
        if (!overrideReason && (await standings)(member.id, onDate).kind === 'in_arrears')
          overrideReason = inArrears
      }
      transition(status, step.status, onDate, overrideReason)
      steps.push({
        status: step.status,
        ...(step.status === 'approved'
          ? { approved_on: onDate, bureau_meeting: row.bureauMeeting }
          : {}),
      })
      status = step.status
    }
    plan.records.push({ id, first, steps })
  }
  return plan
}

/** The rows' members, read once. */
async function membersOf(session: Session, rows: readonly ProjectRow[]) {
  const ids = [...new Set(rows.map((row) => row.memberId))]
  const members = new Map<string, Selectable<MembersTable>>()
  for (const some of idChunks(ids)) {
    for (const member of await session.file.db
      .selectFrom('members')
      .selectAll()
      .where('id', 'in', some)
      .execute())
      members.set(member.id, member)
  }
  return members
}
