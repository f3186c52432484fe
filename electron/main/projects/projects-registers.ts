import type { Session } from '../app/session'
import { AppFailure } from '../failure'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { REGIONS, type Region } from '@shared/geo/regions'
import { PROJECT_STATUSES, type ProjectStatus } from '@shared/projects/schema'
import {
  ARCHIVED_ON,
  type ImportOutcome,
  type Register,
  normalAmount,
  same,
  amountText,
} from '../workbook/register'
import {
  MEMBER_COLUMN,
  type ProjectAsFound,
  projectsByCode,
  withMemberId,
} from '../workbook/references'
import {
  MOVED_AT_ONCE,
  STEPS,
  type ProjectRow,
  moveAlong,
  projectRowInput,
} from './project-lifecycle-rows'
import { fieldsOfRow, writeProjects } from './projects-import'

/** A project's fields as the file holds them, in the contract's words. */
function fieldsOf(project: ProjectAsFound) {
  return {
    code: project.code,
    title: project.title,
    titleEn: project.title_en,
    memberId: project.member_id,
    region: project.region,
    sectorCode: project.sector_code,
    programme: project.programme,
    nature: project.nature,
    currency: project.currency,
    totalCost: amountText(project.total_cost_minor, project.currency),
    startsOn: project.starts_on,
    endsOn: project.ends_on,
    objectives: project.objectives,
    description: project.description,
    descriptionEn: project.description_en,
    contactName: project.contact_name,
    contactEmail: project.contact_email,
    contactPhone: project.contact_phone,
  }
}

export const projects: Register<ProjectRow> = {
  key: 'projects',
  sheet: 'workbook.sheet.projects',
  // Its approval reads the city's dues standing that day: approved in arrears, it says so.
  references: ['calls', 'payments'],
  columns: [
    { field: 'code', heading: 'projects.field.code', kind: 'text', required: true },
    { field: 'title', heading: 'projects.field.title', kind: 'text', required: true },
    { field: 'titleEn', heading: 'projects.field.titleEn', kind: 'text' },
    MEMBER_COLUMN,
    {
      field: 'region',
      heading: 'projects.field.region',
      kind: 'choice',
      choices: { codes: REGIONS, label: (code) => `regions.${code}` as MessageKey },
    },
    { field: 'sectorCode', heading: 'workbook.column.sectorCode', kind: 'text', required: true },
    {
      field: 'programme',
      heading: 'projects.field.programme',
      kind: 'reference',
      required: true,
      references: 'programmes',
    },
    {
      field: 'nature',
      heading: 'projects.field.nature',
      kind: 'choice',
      required: true,
      choices: {
        codes: ['operating', 'investment'],
        label: (code) => `projects.nature.${code}` as MessageKey,
      },
    },
    { field: 'currency', heading: 'projects.field.currency', kind: 'currency', required: true },
    { field: 'totalCost', heading: 'projects.field.totalCost', kind: 'amount', required: true },
    { field: 'startsOn', heading: 'projects.field.startsOn', kind: 'date' },
    { field: 'endsOn', heading: 'projects.field.endsOn', kind: 'date' },
    { field: 'objectives', heading: 'projects.field.objectives', kind: 'text' },
    { field: 'description', heading: 'projects.field.description', kind: 'text' },
    { field: 'descriptionEn', heading: 'projects.field.descriptionEn', kind: 'text' },
    { field: 'contactName', heading: 'projects.field.contactName', kind: 'text' },
    { field: 'contactEmail', heading: 'projects.field.contactEmail', kind: 'text' },
    { field: 'contactPhone', heading: 'projects.field.contactPhone', kind: 'text' },
    {
      field: 'status',
      heading: 'projects.field.status',
      kind: 'choice',
      required: true,
      choices: {
        codes: PROJECT_STATUSES,
        label: (code) => `projects.status.${code}` as MessageKey,
      },
    },
    { field: 'submittedOn', heading: 'workbook.column.submittedOn', kind: 'date' },
    { field: 'approvedOn', heading: 'projects.field.approvedOn', kind: 'date' },
    { field: 'bureauMeeting', heading: 'projects.field.bureauMeeting', kind: 'text' },
    { field: 'approvalOverride', heading: 'projects.lifecycle.overrideReason', kind: 'text' },
    { field: 'signedOn', heading: 'workbook.column.signedOn', kind: 'date' },
    { field: 'startedOn', heading: 'workbook.column.startedOn', kind: 'date' },
    { field: 'completedOn', heading: 'workbook.column.completedOn', kind: 'date' },
    { field: 'closedOn', heading: 'workbook.column.closedOn', kind: 'date' },
    { field: 'abandonedOn', heading: 'workbook.column.abandonedOn', kind: 'date' },
    { field: 'abandonReason', heading: 'projects.lifecycle.reason', kind: 'text' },
    { field: ARCHIVED_ON, heading: 'workbook.column.archivedOn', kind: 'date' },
  ],
  schema: projectRowInput,
  identity: (row) => String(row.code ?? '').toLowerCase(),
  name: (row) => String(row.code ?? ''),
  refusalColumns: {
    to: 'status',
    onDate: 'status',
    reason: 'abandonReason',
    overrideReason: 'approvalOverride',
    'workbook.statusBehind': 'status',
  },
  toInput: async ({ programme, ...row }, resolve) => ({
    ...(await withMemberId(row, resolve)),
    programme: (await resolve('programmes', String(programme ?? ''))) ?? '',
  }),
  rows: async (session, reader) => {
    const programmeName = await reader.programmeNames()
    const db = session.file.db
    const moves = new Map<
      string,
      Map<string, { on_date: string; note: string | null; override_reason: string | null }>
    >()
    for (const move of await db
      .selectFrom('project_transitions')
      .select(['project_id', 'to_status', 'on_date', 'note', 'override_reason'])
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .execute()) {
      const ofProject = moves.get(move.project_id) ?? new Map()
      ofProject.set(move.to_status, move)
      moves.set(move.project_id, ofProject)
    }
    return (
      await db
        .selectFrom('projects as p')
        .innerJoin('members as m', 'm.id', 'p.member_id')
        .selectAll('p')
        .select('m.code as member_code')
        .orderBy('p.code')
        .execute()
    ).map((p) => {
      const move = (status: ProjectStatus) => moves.get(p.id)?.get(status)
      return {
        code: p.code,
        title: p.title,
        titleEn: p.title_en,
        member: p.member_code,
        region: p.region,
        sectorCode: p.sector_code,
        programme: programmeName(p.programme),
        nature: p.nature,
        currency: p.currency,
        totalCost: amountText(p.total_cost_minor, p.currency),
        startsOn: p.starts_on,
        endsOn: p.ends_on,
        objectives: p.objectives,
        description: p.description,
        descriptionEn: p.description_en,
        contactName: p.contact_name,
        contactEmail: p.contact_email,
        contactPhone: p.contact_phone,
        status: p.status,
        submittedOn: move('in_review')?.on_date ?? null,
        approvedOn: p.approved_on,
        bureauMeeting: p.bureau_meeting,
        approvalOverride: move('approved')?.override_reason ?? null,
        signedOn: move('agreement_signed')?.on_date ?? null,
        startedOn: move('in_progress')?.on_date ?? null,
        completedOn: move('completed')?.on_date ?? null,
        closedOn: move('closed')?.on_date ?? null,
        abandonedOn: move('abandoned')?.on_date ?? null,
        abandonReason: move('abandoned')?.note ?? null,
        archivedOn: p.deleted_at?.slice(0, 10) ?? null,
      }
    })
  },
  apply: async (session, row, author, memo) => {
    const byCode = await projectsByCode(session, memo)
    const key = row.code.toLowerCase()
    const fields = fieldsOfRow(row)
    let outcome: ImportOutcome = 'unchanged'
    const existing = byCode.get(key)
    // An archived project is left as it is: it is restored in the window, not by a workbook.
    if (existing?.deleted_at) return 'unchanged'
    if (!existing) {
      const id = await session.projects.record(fields, author, row.submittedOn ?? undefined)
      outcome = 'created'
      byCode.set(key, await projectAsFound(session, id))
    } else {
      // A region left empty follows the beneficiary's country: not a change.
      const wanted = { ...fields, region: fields.region ?? (existing.region as Region | null) }
      if (
        !same(fieldsOf(existing), {
          ...wanted,
          totalCost: normalAmount(wanted.totalCost, wanted.currency),
        })
      ) {
        await session.projects.change(existing.id, wanted, author)
        byCode.set(key, await projectAsFound(session, existing.id))
        outcome = 'updated'
      }
    }
    const project = byCode.get(key)
    if (!project) throw new AppFailure('NOT_FOUND')
    const moved = await moveAlong(session, project, row, MOVED_AT_ONCE, author)
    return moved && outcome === 'unchanged' ? 'updated' : outcome
  },
  finish: async (session, row, author, memo) => {
    const project = (await projectsByCode(session, memo)).get(row.code.toLowerCase())
    if (!project || project.deleted_at) return false
    return moveAlong(session, project, row, STEPS.length, author)
  },
  archive: async (session, id, author) => {
    await session.projects.archive(id, author)
  },
  applyAll: (session, rows, author, memo, at) =>
    writeProjects(session, rows, author, memo, at, projects.apply),
}

async function projectAsFound(session: Session, id: string): Promise<ProjectAsFound> {
  return session.file.db
    .selectFrom('projects')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}
