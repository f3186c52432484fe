import { z } from 'zod'
import type { Session } from '../app/app-core'
import { AppFailure, fieldFailure } from '../failure'
import type { MessageKey } from '../../../shared/i18n/messages/catalog'
import { translate } from '../../../shared/i18n/translate'
import type { Language } from '../../../shared/i18n/locale'
import type { CurrencyCode } from '../../../shared/money/currencies'
import { money } from '../../../shared/money/money'
import { allocate } from '../../../shared/money/split'
import { REGIONS, type Region } from '../../../shared/geo/regions'
import { optionalIsoDate } from '../../../shared/validation/dates'
import { currencyCode, optionalText, requiredText } from '../../../shared/validation/fields'
import { decimalAmount } from '../../../shared/validation/amounts'
import {
  FINANCING_SOURCES,
  type FinancingSource,
  INDICATOR_LEVELS,
  INDICATOR_MEASURES,
  type IndicatorMeasure,
  PROGRAMMES,
  PROJECT_STATUSES,
  type ProjectStatus,
  agreementProjectInput,
  financingLineInput,
  indicatorInput,
  indicatorValueInput,
  projectExpenseInput,
  projectInput,
  readIndicatorValue,
  trancheInput,
} from '../../../shared/projects/schema'
import {
  ARCHIVED_ON,
  EXPORT_PAGE,
  bulkWrites,
  pagesById,
  type ImportOutcome,
  type Memo,
  type Register,
  type RegisterColumn,
  known,
  normalAmount,
  recordAllOnce,
  recordOnce,
  same,
  amountText,
  keyOf,
  keyedAmounts,
  keyedAmountsText,
  minorOf,
} from '../workbook/register'
import {
  AGREEMENT_COLUMN,
  MEMBER_COLUMN,
  type ProjectAsFound,
  agreementsByReference,
  indicatorsByProject,
  projectsByCode,
  withMemberId,
} from '../workbook/references'

/** The project a row belongs to, named by its code. */
const PROJECT_COLUMN: RegisterColumn = {
  field: 'project',
  heading: 'workbook.column.project',
  kind: 'reference',
  required: true,
  references: 'projects',
}

/** A row naming its project by code, as the contract's input naming it by id. */
const withProjectId: NonNullable<Register['toInput']> = async ({ project, ...row }, resolve) => ({
  ...row,
  projectId: (await resolve('projects', String(project ?? ''))) ?? '',
})

/** The moves of a project's lifecycle after its request, each with the column of its date. */
const STEPS = [
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
const MOVED_AT_ONCE = 3

const projectRowInput = projectInput
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
type ProjectRow = z.output<typeof projectRowInput>
type Lifecycle = Pick<
  ProjectRow,
  'status' | 'approvedOn' | 'signedOn' | 'startedOn' | 'completedOn' | 'closedOn'
>

/**
 * How many moves of {@link STEPS} a row says the project made: up to its status, or for an
 * abandoned project, as far as its dates go.
 */
function stepsReached(row: Lifecycle): number {
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
async function moveAlong(
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
      kind: 'choice',
      required: true,
      choices: { codes: PROGRAMMES, label: (code) => `projects.programme.${code}` as MessageKey },
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
  toInput: withMemberId,
  rows: async (session) => {
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
        programme: p.programme,
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
    const fields = projectInput.parse(
      Object.fromEntries(
        Object.keys(projectInput.shape).map((field) => [field, row[field as keyof ProjectRow]]),
      ),
    )
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
}

async function projectAsFound(session: Session, id: string): Promise<ProjectAsFound> {
  return session.file.db
    .selectFrom('projects')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

/** The projects a project-tied agreement names as its own. */
export const namedProjects: Register<z.output<typeof agreementProjectInput>> = {
  key: 'namedProjects',
  sheet: 'workbook.sheet.namedProjects',
  columns: [AGREEMENT_COLUMN, PROJECT_COLUMN],
  schema: agreementProjectInput,
  identity: (row) => `${String(row.agreement ?? '')}|${String(row.project ?? '')}`.toLowerCase(),
  toInput: async ({ agreement, project }, resolve) => ({
    agreementId: (await resolve('agreements', String(agreement ?? ''))) ?? '',
    projectId: (await resolve('projects', String(project ?? ''))) ?? '',
  }),
  rows: async (session) =>
    await session.file.db
      .selectFrom('agreement_projects as n')
      .innerJoin('agreements as a', 'a.id', 'n.agreement_id')
      .innerJoin('projects as p', 'p.id', 'n.project_id')
      .select(['a.reference as agreement', 'p.code as project'])
      .where('n.deleted_at', 'is', null)
      .orderBy('a.reference')
      .orderBy('p.code')
      .execute(),
  apply: (session, input, author, memo) =>
    recordOnce(
      memo,
      'namedProjects',
      async () =>
        (
          await session.file.db
            .selectFrom('agreement_projects')
            .select(['agreement_id', 'project_id'])
            .where('deleted_at', 'is', null)
            .execute()
        ).map((n) => `${n.agreement_id}|${n.project_id}`),
      `${input.agreementId}|${input.projectId}`,
      () => session.financing.nameProject(input.agreementId, input.projectId, author),
    ),
}

const planLineRowInput = financingLineInput.safeExtend({ committedOn: optionalIsoDate })

/** The financing plan's lines, each committed on its day when the row says so. */
export const planLines: Register<z.output<typeof planLineRowInput>> = {
  key: 'planLines',
  sheet: 'workbook.sheet.planLines',
  columns: [
    PROJECT_COLUMN,
    {
      field: 'source',
      heading: 'projects.plan.source',
      kind: 'choice',
      required: true,
      choices: {
        codes: FINANCING_SOURCES,
        label: (code) => `projects.plan.source_${code}` as MessageKey,
      },
    },
    { ...AGREEMENT_COLUMN, required: false },
    { field: 'partnerName', heading: 'projects.plan.partnerName', kind: 'text' },
    { field: 'headingCode', heading: 'projects.plan.heading', kind: 'text' },
    { field: 'currency', heading: 'projects.plan.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'projects.plan.amount', kind: 'amount', required: true },
    { field: 'committedOn', heading: 'projects.plan.committedOn', kind: 'date' },
    { field: 'note', heading: 'projects.plan.note', kind: 'text' },
  ],
  schema: planLineRowInput,
  refusalColumns: {
    lineId: 'committedOn',
    'errors.lineCommitted': 'committedOn',
    'errors.lineNotAimf': 'source',
    'errors.projectNotApproved': 'committedOn',
    'errors.agreementNotProjectTied': 'agreement',
  },
  identity: (row) =>
    keyOf(
      row.project,
      row.source,
      row.agreement,
      row.partnerName,
      row.headingCode,
      row.amount,
      row.currency,
    ),
  toInput: async ({ agreement, ...row }, resolve) => ({
    ...(await withProjectId(row, resolve)),
    agreementId: agreement ? ((await resolve('agreements', String(agreement))) ?? '') : null,
  }),
  rows: async (session) =>
    (
      await session.file.db
        .selectFrom('financing_lines as l')
        .innerJoin('projects as p', 'p.id', 'l.project_id')
        .leftJoin('agreements as a', 'a.id', 'l.agreement_id')
        .selectAll('l')
        .select(['p.code as project', 'a.reference as agreement'])
        .where('l.deleted_at', 'is', null)
        .orderBy('p.code')
        .orderBy('l.created_at')
        .execute()
    ).map((l) => ({
      project: l.project,
      source: l.source,
      agreement: l.agreement,
      partnerName: l.partner_name,
      headingCode: l.heading_code,
      currency: l.currency,
      amount: amountText(l.amount_minor, l.currency),
      committedOn: l.committed_on,
      note: l.note,
    })),
  apply: async (session, { committedOn, ...input }, author, memo) => {
    const lines = await known<{ id: string; committed_on: string | null; key: string }>(
      memo,
      'planLines',
      async () =>
        (
          await session.file.db
            .selectFrom('financing_lines')
            .selectAll()
            .where('deleted_at', 'is', null)
            .execute()
        ).map((line) => ({ id: line.id, committed_on: line.committed_on, key: lineKey(line) })),
      (line) => line.key,
    )
    // The line's money is its agreement's currency, or euros for the untied fund.
    const agreement = [...(await agreementsByReference(session, memo)).values()].find(
      (a) => a.id === input.agreementId,
    )
    const currency =
      input.source === 'agreement' && agreement
        ? agreement.currency
        : input.source === 'untied_fund'
          ? 'EUR'
          : input.currency
    const key = lineKey({
      project_id: input.projectId,
      source: input.source,
      agreement_id: input.source === 'agreement' ? input.agreementId : null,
      partner_name: input.source === 'partner' ? input.partnerName : null,
      heading_code: input.headingCode,
      amount_minor: null,
      amount: normalAmount(input.amount, currency),
      currency,
    }).toLowerCase()
    let line = lines.get(key)
    let outcome: ImportOutcome = 'unchanged'
    if (!line) {
      line = { id: await session.financing.addLine(input, author), committed_on: null, key }
      lines.set(key, line)
      outcome = 'created'
    }
    if (committedOn && !line.committed_on) {
      await session.financing.commitLine(line.id, committedOn, author)
      line.committed_on = committedOn
      if (outcome === 'unchanged') outcome = 'updated'
    }
    return outcome
  },
}

/** What finds a plan line again: its project, source, fund or partner, heading and amount. */
function lineKey(line: {
  project_id: string
  source: string
  agreement_id: string | null
  partner_name: string | null
  heading_code: string | null
  amount_minor: number | null
  amount?: string
  currency: string
}): string {
  const amount = line.amount ?? amountText(line.amount_minor ?? 0, line.currency)
  return keyOf(
    line.project_id,
    line.source,
    line.agreement_id,
    line.partner_name,
    line.heading_code,
    amount,
    line.currency,
  )
}

const trancheRowInput = trancheInput.safeExtend({
  number: z.number({ error: 'validation.required' }).int().min(1).max(999),
  currency: currencyCode,
  conditionMetOn: optionalIsoDate,
  releasedOn: optionalIsoDate,
  paidOn: optionalIsoDate,
  paidAmount: decimalAmount.nullish().transform((value) => value ?? null),
  bankReference: optionalText(100),
  overrideReason: optionalText(2000),
  cancelReason: optionalText(2000),
  /** How a paid tranche was shared among the plan's lines: "UE-ANE-2026 : 15000 ; …". */
  split: keyedAmounts,
})

interface TrancheAsFound {
  id: string
  project_id: string
  number: number
  planned_on: string
  amount_minor: number
  condition: string | null
  condition_met_on: string | null
  status: string
  released_on: string | null
}

/**
 * The tranches paid to a city, known by their project and number: each row records how far
 * its tranche went (condition met, released, paid, cancelled), and the import goes as far.
 */
export const tranches: Register<z.output<typeof trancheRowInput>> = {
  key: 'tranches',
  sheet: 'workbook.sheet.tranches',
  columns: [
    PROJECT_COLUMN,
    { field: 'number', heading: 'projects.tranches.number', kind: 'integer', required: true },
    { field: 'plannedOn', heading: 'projects.tranches.plannedOn', kind: 'date', required: true },
    { field: 'currency', heading: 'projects.field.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'workbook.column.amount', kind: 'amount', required: true },
    { field: 'condition', heading: 'projects.tranches.condition', kind: 'text' },
    { field: 'conditionMetOn', heading: 'projects.tranches.conditionMet', kind: 'date' },
    { field: 'releasedOn', heading: 'workbook.column.releasedOn', kind: 'date' },
    { field: 'paidOn', heading: 'projects.tranches.paidOn', kind: 'date' },
    { field: 'paidAmount', heading: 'projects.tranches.paidAmount', kind: 'amount' },
    { field: 'bankReference', heading: 'projects.tranches.bankReference', kind: 'text' },
    { field: 'overrideReason', heading: 'projects.tranches.overrideReason', kind: 'text' },
    { field: 'cancelReason', heading: 'projects.tranches.cancelReason', kind: 'text' },
    { field: 'split', heading: 'workbook.column.split', kind: 'text' },
  ],
  schema: trancheRowInput,
  refusalColumns: {
    id: 'number',
    'workbook.trancheChanged': 'amount',
    'workbook.trancheBehind': 'paidOn',
    'errors.tranchePaid': 'paidOn',
    'errors.trancheNotPaid': 'paidOn',
    'errors.trancheCancelled': 'cancelReason',
    'errors.trancheStatus': 'releasedOn',
    'errors.projectNotSigned': 'releasedOn',
  },
  order: (a, b) =>
    String(a.project).localeCompare(String(b.project)) || Number(a.number) - Number(b.number),
  identity: (row) => `${String(row.project ?? '')}|${String(row.number ?? '')}`.toLowerCase(),
  toInput: withProjectId,
  rows: async (session) => {
    const splits = await trancheSplits(session)
    return (
      await session.file.db
        .selectFrom('tranches as t')
        .innerJoin('projects as p', 'p.id', 't.project_id')
        .selectAll('t')
        .select(['p.code as project', 'p.currency'])
        .where('t.deleted_at', 'is', null)
        .orderBy('p.code')
        .orderBy('t.number')
        .execute()
    ).map((t) => ({
      project: t.project,
      number: t.number,
      plannedOn: t.planned_on,
      currency: t.currency,
      amount: amountText(t.amount_minor, t.currency),
      condition: t.condition,
      conditionMetOn: t.condition_met_on,
      releasedOn: t.released_on,
      paidOn: t.paid_on,
      paidAmount: t.paid_amount_minor === null ? null : amountText(t.paid_amount_minor, t.currency),
      bankReference: t.bank_reference,
      overrideReason: t.override_reason,
      cancelReason: t.cancel_reason,
      split: keyedAmountsText(splits.get(t.id) ?? []),
    }))
  },
  apply: async (session, input, author, memo) => {
    const project = [...(await projectsByCode(session, memo)).values()].find(
      (p) => p.id === input.projectId,
    )
    if (!project) throw new AppFailure('NOT_FOUND')
    if (input.currency !== project.currency) {
      throw fieldFailure('VALIDATION', 'currency', 'workbook.notProjectCurrency', {
        currency: project.currency,
      })
    }
    const byNumber = await known<TrancheAsFound>(
      memo,
      'tranches',
      () =>
        session.file.db
          .selectFrom('tranches')
          .select(['id', 'project_id', 'number', 'planned_on', 'amount_minor', 'condition'])
          .select(['condition_met_on', 'status', 'released_on'])
          .where('deleted_at', 'is', null)
          .execute(),
      (t) => `${t.project_id}|${t.number}`,
    )
    const key = `${input.projectId}|${input.number}`
    let tranche = byNumber.get(key)
    let outcome: ImportOutcome = 'unchanged'
    if (!tranche) {
      const next = 1 + [...byNumber.values()].filter((t) => t.project_id === project.id).length
      if (input.number !== next) {
        throw fieldFailure('VALIDATION', 'number', 'workbook.trancheNumber', { number: next })
      }
      // As the service writes it: the next number, planned, nothing met or released yet.
      tranche = {
        id: await session.tranches.add(input, author),
        project_id: project.id,
        number: input.number,
        planned_on: input.plannedOn,
        amount_minor: minorOf(input.amount, project.currency),
        condition: input.condition,
        condition_met_on: null,
        status: 'planned',
        released_on: null,
      }
      byNumber.set(key, tranche)
      outcome = 'created'
    } else if (
      tranche.planned_on !== input.plannedOn ||
      tranche.amount_minor !== minorOf(input.amount, project.currency) ||
      (tranche.condition ?? null) !== input.condition
    ) {
      throw new AppFailure('CONFLICT', 'workbook.trancheChanged', {
        code: project.code,
        number: input.number,
      })
    }
    const step = async (done: boolean, write: () => Promise<unknown>) => {
      if (done) return
      await write()
      if (outcome === 'unchanged') outcome = 'updated'
    }
    const found = tranche
    const wanted = input.cancelReason ? 'cancelled' : input.paidOn ? 'paid' : null
    if (
      wanted &&
      found.status !== wanted &&
      found.status !== 'planned' &&
      found.status !== 'released'
    ) {
      throw new AppFailure('CONFLICT', 'workbook.trancheBehind', {
        code: project.code,
        number: input.number,
      })
    }
    if (input.conditionMetOn) {
      await step(found.condition_met_on !== null || found.status === 'paid', () =>
        session.tranches.conditionMet(found.id, input.conditionMetOn ?? '', author),
      )
    }
    if (input.releasedOn) {
      await step(found.status !== 'planned', () =>
        session.tranches.release(found.id, input.releasedOn ?? '', author),
      )
    }
    if (input.paidOn) {
      await step(found.status === 'paid', async () =>
        session.tranches.pay(
          {
            id: found.id,
            paidOn: input.paidOn ?? '',
            amount: input.paidAmount,
            bankReference: input.bankReference,
            overrideReason: input.overrideReason,
            split: await splitLines(session, found.project_id, input.split),
          },
          author,
        ),
      )
    }
    if (input.cancelReason) {
      await step(found.status === 'cancelled', () =>
        session.tranches.cancel(found.id, input.cancelReason ?? '', author),
      )
    }
    return outcome
  },
}

/**
 * What names a plan line in a tranche's split: its agreement's reference (and the donor
 * heading it charges), or the untied fund.
 */
function lineLabel(
  line: { source: string; reference: string | null; heading_code: string | null },
  language: Language,
): string {
  if (line.source !== 'agreement' || !line.reference)
    return translate(
      language,
      `projects.plan.source_${line.source as FinancingSource}` as MessageKey,
    )
  return line.heading_code ? `${line.reference} / ${line.heading_code}` : line.reference
}

/**
 * Each paid tranche's share of every line, in the project's currency, from its disbursements
 * in the ledger: a line in the project's currency exactly; a line in another currency by its
 * share of the euros paid.
 */
async function trancheSplits(
  session: Session,
): Promise<Map<string, { key: string; amount: string }[]>> {
  const parts = await session.file.db
    .selectFrom('ledger_entries as e')
    .innerJoin('tranches as t', 't.id', 'e.source_id')
    .innerJoin('projects as p', 'p.id', 't.project_id')
    .innerJoin('financing_lines as l', 'l.id', 'e.use_id')
    .leftJoin('agreements as a', 'a.id', 'l.agreement_id')
    .select(['t.id as tranche', 't.paid_amount_minor as paid', 'p.currency as projectCurrency'])
    .select(['l.source', 'l.heading_code', 'a.reference', 'l.currency'])
    .select((eb) => [
      eb.fn.sum<number>('e.amount_minor').as('native'),
      eb.fn.sum<number>('e.eur_minor').as('eur'),
    ])
    .where('e.source_table', '=', 'tranches')
    .where('e.use_table', '=', 'financing_lines')
    .where('e.kind', '=', 'disbursement')
    .where('e.deleted_at', 'is', null)
    .where('t.status', '=', 'paid')
    .groupBy(['t.id', 'l.id'])
    .orderBy('t.id')
    .orderBy('l.created_at')
    .execute()
  const byTranche = new Map<string, typeof parts>()
  for (const part of parts) {
    if (Number(part.native) === 0) continue
    byTranche.set(part.tranche, [...(byTranche.get(part.tranche) ?? []), part])
  }
  const splits = new Map<string, { key: string; amount: string }[]>()
  for (const [tranche, lines] of byTranche) {
    const first = lines[0]
    if (!first) continue
    const currency = first.projectCurrency as CurrencyCode
    const byEur = allocate(
      money(first.paid ?? 0, currency),
      lines.map((l) => Number(l.eur)),
    )
    splits.set(
      tranche,
      lines.map((line, index) => ({
        key: lineLabel(line, session.language()),
        amount: amountText(
          line.currency === currency ? Number(line.native) : (byEur[index]?.minor ?? 0),
          currency,
        ),
      })),
    )
  }
  return splits
}

/**
 * A tranche's split as the service takes it: each named line found among the project's
 * committed lines (two lines of one name in the order of the plan). Null when the row has none.
 */
async function splitLines(
  session: Session,
  projectId: string,
  split: { key: string; amount: string }[] | null | undefined,
): Promise<{ lineId: string; amount: string }[] | null> {
  if (!split || split.length === 0) return null
  const lines = await session.file.db
    .selectFrom('financing_lines as l')
    .leftJoin('agreements as a', 'a.id', 'l.agreement_id')
    .select(['l.id', 'l.source', 'l.heading_code', 'a.reference'])
    .where('l.project_id', '=', projectId)
    .where('l.deleted_at', 'is', null)
    .where('l.committed_on', 'is not', null)
    .orderBy('l.created_at')
    .execute()
  const taken = new Set<string>()
  return split.map(({ key, amount }) => {
    const wanted = key.trim().toLowerCase()
    const line = lines.find(
      (l) =>
        !taken.has(l.id) &&
        (['fr', 'en'] as const).some((language) => lineLabel(l, language).toLowerCase() === wanted),
    )
    if (!line) throw fieldFailure('VALIDATION', 'split', 'workbook.splitUnknownLine', { line: key })
    taken.add(line.id)
    return { lineId: line.id, amount }
  })
}

/** The expenses a city justifies, known by what they say (date, object, amount). */
export const projectExpenses: Register<z.output<typeof projectExpenseInput>> = {
  key: 'projectExpenses',
  sheet: 'workbook.sheet.projectExpenses',
  columns: [
    PROJECT_COLUMN,
    { field: 'spentOn', heading: 'projects.expenses.spentOn', kind: 'date', required: true },
    { field: 'supplier', heading: 'projects.expenses.supplier', kind: 'text' },
    {
      field: 'description',
      heading: 'projects.expenses.description',
      kind: 'text',
      required: true,
    },
    { field: 'currency', heading: 'projects.expenses.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'projects.expenses.amount', kind: 'amount', required: true },
    { ...AGREEMENT_COLUMN, required: false },
    { field: 'headingCode', heading: 'projects.expenses.heading', kind: 'text' },
    { field: 'document', heading: 'projects.expenses.document', kind: 'text' },
  ],
  schema: projectExpenseInput,
  identity: (row) =>
    keyOf(row.project, row.spentOn, row.description, row.amount, row.currency, row.supplier),
  toInput: async ({ agreement, ...row }, resolve) => ({
    ...(await withProjectId(row, resolve)),
    agreementId: agreement ? ((await resolve('agreements', String(agreement))) ?? '') : null,
  }),
  rows: async function* (session) {
    yield* pagesById(
      (after) =>
        session.file.db
          .selectFrom('project_expenses as e')
          .innerJoin('projects as p', 'p.id', 'e.project_id')
          .leftJoin('agreements as a', 'a.id', 'e.agreement_id')
          .selectAll('e')
          .select(['p.code as project', 'a.reference as agreement'])
          .where('e.deleted_at', 'is', null)
          .where('e.id', '>', after)
          .orderBy('e.id')
          .limit(EXPORT_PAGE)
          .execute(),
      (e) => ({
        project: e.project,
        spentOn: e.spent_on,
        supplier: e.supplier,
        description: e.description,
        currency: e.currency,
        amount: amountText(e.amount_minor, e.currency),
        agreement: e.agreement,
        headingCode: e.heading_code,
        document: e.document,
      }),
    )
  },
  ...bulkWrites(writeExpenses),
}

/** What finds a justified expense again: its project, day, object, amount and supplier. */
function expenseKey(e: {
  projectId: string
  spentOn: string
  description: string
  amount: string
  currency: string
  supplier: string | null
}): string {
  return [e.projectId, e.spentOn, e.description, e.amount, e.currency, e.supplier ?? '']
    .join('|')
    .toLowerCase()
}

function writeExpenses(
  session: Session,
  rows: z.output<typeof projectExpenseInput>[],
  author: string,
  memo: Memo,
  at: (index: number) => void,
): Promise<ImportOutcome[]> {
  return recordAllOnce(
    memo,
    'projectExpenses',
    async () =>
      (
        await session.file.db
          .selectFrom('project_expenses')
          .selectAll()
          .where('deleted_at', 'is', null)
          .execute()
      ).map((e) =>
        expenseKey({
          projectId: e.project_id,
          spentOn: e.spent_on,
          description: e.description,
          amount: amountText(e.amount_minor, e.currency),
          currency: e.currency,
          supplier: e.supplier,
        }),
      ),
    rows,
    (row) => expenseKey({ ...row, amount: normalAmount(row.amount, row.currency) }),
    (added, atAdded) => session.projectExpenses.addMany(added, author, atAdded),
    at,
  )
}

/** A project's results indicators, each known by its project and name. */
export const indicators: Register<z.output<typeof indicatorInput>> = {
  key: 'indicators',
  sheet: 'workbook.sheet.indicators',
  columns: [
    PROJECT_COLUMN,
    { field: 'name', heading: 'projects.indicators.name', kind: 'text', required: true },
    {
      field: 'level',
      heading: 'projects.indicators.level',
      kind: 'choice',
      required: true,
      choices: {
        codes: INDICATOR_LEVELS,
        label: (code) => `projects.indicators.level_${code}` as MessageKey,
      },
    },
    {
      field: 'measure',
      heading: 'projects.indicators.measure',
      kind: 'choice',
      required: true,
      choices: {
        codes: INDICATOR_MEASURES,
        label: (code) => `projects.indicators.measure_${code}` as MessageKey,
      },
    },
    { field: 'unit', heading: 'projects.indicators.unit', kind: 'text' },
    { field: 'baselineValue', heading: 'projects.indicators.baseline', kind: 'text' },
    { field: 'baselineOn', heading: 'projects.indicators.baselineOn', kind: 'date' },
    { field: 'targetValue', heading: 'projects.indicators.target', kind: 'text', required: true },
    { field: 'targetOn', heading: 'projects.indicators.targetOn', kind: 'date' },
  ],
  schema: indicatorInput,
  identity: (row) => `${String(row.project ?? '')}|${String(row.name ?? '')}`.toLowerCase(),
  name: (row) => `${String(row.project ?? '')}|${String(row.name ?? '')}`,
  toInput: withProjectId,
  rows: async (session) =>
    (
      await session.file.db
        .selectFrom('indicators as i')
        .innerJoin('projects as p', 'p.id', 'i.project_id')
        .selectAll('i')
        .select('p.code as project')
        .where('i.deleted_at', 'is', null)
        .orderBy('p.code')
        .orderBy('i.position')
        .execute()
    ).map((i) => ({
      project: i.project,
      name: i.name,
      level: i.level,
      measure: i.measure,
      unit: i.unit,
      baselineValue: i.baseline_value,
      baselineOn: i.baseline_on,
      targetValue: i.target_value,
      targetOn: i.target_on,
    })),
  apply: async (session, input, author, memo) => {
    const byName = await indicatorsByProject(session, memo)
    const key = `${input.projectId}|${input.name}`.toLowerCase()
    const existing = byName.get(key)
    const canonical = (text: string | null) => {
      if (text === null) return null
      const read = readIndicatorValue(input.measure, text)
      return read.ok ? read.value : text
    }
    if (existing) {
      const unchanged =
        existing.level === input.level &&
        existing.measure === input.measure &&
        (existing.unit ?? null) === (input.measure === 'percentage' ? '%' : input.unit) &&
        existing.baseline_value === canonical(input.baselineValue) &&
        existing.baseline_on === input.baselineOn &&
        existing.target_value === canonical(input.targetValue) &&
        existing.target_on === input.targetOn
      if (unchanged) return 'unchanged'
      await session.indicators.update(existing.id, input, author)
    } else await session.indicators.add(input, author)
    byName.set(
      key,
      await session.file.db
        .selectFrom('indicators')
        .selectAll()
        .where('project_id', '=', input.projectId)
        .where('name', '=', input.name)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow(),
    )
    return existing ? 'updated' : 'created'
  },
}

const indicatorValueRowInput = indicatorValueInput
const INDICATOR_COLUMN: RegisterColumn = {
  field: 'indicator',
  heading: 'projects.indicators.name',
  kind: 'reference',
  required: true,
  references: 'indicators',
  referenceKey: (row) => `${String(row.project ?? '')}|${String(row.indicator ?? '')}`,
}

/** The values measured for an indicator, one per period end. */
export const indicatorValues: Register<z.output<typeof indicatorValueRowInput>> = {
  key: 'indicatorValues',
  sheet: 'workbook.sheet.indicatorValues',
  columns: [
    PROJECT_COLUMN,
    INDICATOR_COLUMN,
    { field: 'periodEnd', heading: 'projects.indicators.periodEnd', kind: 'date', required: true },
    { field: 'value', heading: 'projects.indicators.value', kind: 'text', required: true },
    { field: 'comment', heading: 'projects.indicators.comment', kind: 'text' },
  ],
  schema: indicatorValueRowInput,
  identity: (row) => keyOf(row.project, row.indicator, row.periodEnd),
  toInput: async ({ project, indicator, ...row }, resolve) => ({
    ...row,
    indicatorId:
      (await resolve('indicators', `${String(project ?? '')}|${String(indicator ?? '')}`)) ?? '',
  }),
  rows: async (session) =>
    (
      await session.file.db
        .selectFrom('indicator_values as v')
        .innerJoin('indicators as i', 'i.id', 'v.indicator_id')
        .innerJoin('projects as p', 'p.id', 'i.project_id')
        .select([
          'p.code as project',
          'i.name as indicator',
          'v.period_end',
          'v.value',
          'v.comment',
        ])
        .where('v.deleted_at', 'is', null)
        .where('i.deleted_at', 'is', null)
        .orderBy('p.code')
        .orderBy('i.position')
        .orderBy('v.period_end')
        .execute()
    ).map((v) => ({
      project: v.project,
      indicator: v.indicator,
      periodEnd: v.period_end,
      value: v.value,
      comment: v.comment,
    })),
  apply: async (session, input, author, memo) => {
    const indicator = [...(await indicatorsByProject(session, memo)).values()].find(
      (i) => i.id === input.indicatorId,
    )
    if (!indicator) throw new AppFailure('NOT_FOUND')
    const values = await known(
      memo,
      'indicatorValues',
      () =>
        session.file.db
          .selectFrom('indicator_values')
          .select(['id', 'indicator_id', 'period_end', 'value', 'comment'])
          .where('deleted_at', 'is', null)
          .execute(),
      (v) => `${v.indicator_id}|${v.period_end}`,
    )
    const key = `${input.indicatorId}|${input.periodEnd}`.toLowerCase()
    const existing = values.get(key)
    const read = readIndicatorValue(indicator.measure as IndicatorMeasure, input.value)
    const value = read.ok ? read.value : input.value
    if (existing && existing.value === value && existing.comment === input.comment)
      return 'unchanged'
    // A value measured again for the same period replaces the one recorded.
    if (existing) await session.indicators.removeValue(existing.id, author)
    await session.indicators.addValue(input, author)
    values.set(
      key,
      await session.file.db
        .selectFrom('indicator_values')
        .select(['id', 'indicator_id', 'period_end', 'value', 'comment'])
        .where('indicator_id', '=', input.indicatorId)
        .where('period_end', '=', input.periodEnd)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow(),
    )
    return existing ? 'updated' : 'created'
  },
}
