import { sql } from 'kysely'
import type { z } from 'zod'
import type { DataFile } from '../db/data-file'
import { jsonObject, jsonRows } from '../db/json-rows'
import { assertCodeFree, nextCode } from '../db/record-codes'
import { assertProgrammeUsable } from '../programmes/programmes-service'
import { AppFailure, fieldFailure } from '../failure'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import { readAmount } from '../funds/money-input'
import { duesStanding } from '../dues/dues-accounts'
import { requireMember } from '../members/members-service'
import { type Region, regionOfCountry } from '@shared/geo/regions'
import type { CurrencyCode } from '@shared/money/currencies'
import { fixedParity, toEuro } from '@shared/money/exchange'
import { money } from '@shared/money/money'
import { breakdownOf } from '@shared/projects/breakdown'
import { projectMatches } from '@shared/projects/filter'
import {
  allowedTransitions,
  type ProjectDetail,
  type ProjectFields,
  type ProjectListQuery,
  type ProjectStatus,
  type ProjectsBreakdown,
  type ProjectSummary,
  type transitionInput,
} from '@shared/projects/schema'
import type { FinancingService } from './financing-service'
import { projectDetail } from './project-detail'
import { euroValueOn, requireOpenProject, requireProject } from './project-records'

type TransitionFields = z.output<typeof transitionInput>

/**
 * Projects of the Cooperation Fund (Fonds de coopération), from the city's application to the
 * project's closure, with the list and its filters and the summaries by country and programme.
 */
export class ProjectsService {
  constructor(
    private readonly file: DataFile,
    private readonly rates: ExchangeRatesService,
    private readonly financing: FinancingService,
    private readonly today: () => string,
  ) {}

  async list(query: ProjectListQuery = {}): Promise<ProjectSummary[]> {
    const all = await projectSummaries(this.file.db, this.today(), {
      includeArchived: query.includeArchived ?? false,
      chosen: query,
    })
    return all.filter((project) => projectMatches(project, query))
  }

  async get(id: string): Promise<ProjectDetail> {
    const [summary] = await projectSummaries(this.file.db, this.today(), {
      includeArchived: true,
      onlyId: id,
    })
    if (!summary) throw new AppFailure('NOT_FOUND')
    return projectDetail(this.file.db, summary, this.today())
  }

  async create(fields: ProjectFields, author: string): Promise<ProjectDetail> {
    return this.get(await this.record(fields, author))
  }

  /**
   * Records a project's request, received on `submittedOn` (today unless said), and returns its
   * id without reading its page back (an import records hundreds).
   */
  async record(
    fields: ProjectFields,
    author: string,
    submittedOn: string = this.today(),
  ): Promise<string> {
    return this.file.write(author, async (writer) => {
      const member = await requireMember(writer.trx, fields.memberId)
      if (member.deleted_at) throw fieldFailure('CONFLICT', 'memberId', 'errors.memberArchived')
      await assertProgrammeUsable(writer.trx, fields.programme, null, 'programme')
      const code =
        fields.code ??
        (await nextCode(writer.trx, 'projects', `FC-${this.today().slice(0, 4)}-`, 3))
      await assertCodeFree(writer.trx, 'projects', code)
      const columns = await this.columns(writer.trx, fields, code, member.country)
      const projectId = await writer.insert('projects', {
        ...columns,
        status: 'in_review',
        approved_on: null,
        bureau_meeting: null,
      })
      await writer.insert('project_transitions', {
        project_id: projectId,
        from_status: null,
        to_status: 'in_review',
        on_date: submittedOn,
        author,
        note: null,
        override_reason: null,
      })
      return projectId
    })
  }

  async update(id: string, fields: ProjectFields, author: string): Promise<ProjectDetail> {
    await this.change(id, fields, author)
    return this.get(id)
  }

  /** Changes a project's fields, without reading its page back. */
  async change(id: string, fields: ProjectFields, author: string): Promise<void> {
    await this.file.write(author, async (writer) => {
      const current = await requireOpenProject(writer.trx, id)
      const member = await requireMember(writer.trx, fields.memberId)
      if (member.deleted_at && member.id !== current.member_id) {
        throw fieldFailure('CONFLICT', 'memberId', 'errors.memberArchived')
      }
      await assertProgrammeUsable(writer.trx, fields.programme, current.programme, 'programme')
      const code = fields.code ?? current.code
      await assertCodeFree(writer.trx, 'projects', code, id)
      const columns = await this.columns(writer.trx, fields, code, member.country)
      const committed = await writer.trx
        .selectFrom('financing_lines')
        .select('id')
        .where('project_id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      if (committed && columns.currency !== current.currency) {
        throw fieldFailure('CONFLICT', 'currency', 'errors.projectCurrencyWithPlan')
      }
      await writer.update('projects', id, columns)
    })
  }

  async archive(id: string, author: string): Promise<ProjectDetail> {
    await this.file.write(author, async (writer) => {
      await requireProject(writer.trx, id)
      const committed = await writer.trx
        .selectFrom('financing_lines')
        .select('id')
        .where('project_id', '=', id)
        .where('deleted_at', 'is', null)
        .where('committed_on', 'is not', null)
        .executeTakeFirst()
      if (committed) throw new AppFailure('CONFLICT', 'errors.projectHasCommitments')
      await writer.archive('projects', id)
    })
    return this.get(id)
  }

  async restore(id: string, author: string): Promise<ProjectDetail> {
    await this.file.write(author, async (writer) => {
      const current = await requireProject(writer.trx, id)
      await assertCodeFree(writer.trx, 'projects', current.code, id)
      await writer.restore('projects', id)
    })
    return this.get(id)
  }

  /**
   * Moves a project along its lifecycle. Only the next status or abandonment is allowed;
   * approval names its Bureau meeting, closure waits for every tranche to be paid or cancelled,
   * and an ending (closure, abandonment) returns what was committed but not paid to its funds.
   */
  async transition(input: TransitionFields, author: string): Promise<ProjectDetail> {
    await this.move(input, author)
    return this.get(input.projectId)
  }

  /**
   * Makes a move of the lifecycle (see {@link transition}) without reading the page back.
   * `reasonIfInArrears` approves a beneficiary found in arrears that day with that reason when
   * the input gives none (a decision a workbook records, taken before the file kept its dues).
   */
  async move(
    input: TransitionFields,
    author: string,
    { reasonIfInArrears }: { reasonIfInArrears?: string } = {},
  ): Promise<void> {
    await this.file.write(author, async (writer) => {
      let overrideReason = input.overrideReason
      const project = await requireOpenProject(writer.trx, input.projectId)
      const from = project.status as ProjectStatus
      if (!allowedTransitions(from).includes(input.to)) {
        throw fieldFailure('CONFLICT', 'to', 'errors.transitionNotAllowed', {
          from: { message: `projects.status.${from}` },
          to: { message: `projects.status.${input.to}` },
        })
      }
      if (input.to === 'approved') {
        const member = await requireMember(writer.trx, project.member_id)
        if (member.deleted_at) throw new AppFailure('CONFLICT', 'errors.memberArchived')
        // A member behind on its dues beyond the tolerance on the day of the approval: approved
        // only with a reason.
        const dues = await duesStanding(writer.trx, member.id, input.onDate)
        if (dues.kind === 'in_arrears' && !overrideReason)
          overrideReason = reasonIfInArrears ?? null
        if (dues.kind === 'in_arrears' && !overrideReason) {
          throw fieldFailure('CONFLICT', 'overrideReason', 'errors.approvalInArrears', {
            arrears: money(dues.arrearsEur, 'EUR'),
            tolerance: money(dues.toleranceEur, 'EUR'),
          })
        }
      }
      const ending = input.to === 'closed' || input.to === 'abandoned'
      const pending = ending
        ? await writer.trx
            .selectFrom('tranches')
            .select('id')
            .where('project_id', '=', project.id)
            .where('deleted_at', 'is', null)
            .where('status', 'in', ['planned', 'released'])
            .execute()
        : []
      if (input.to === 'closed' && pending.length > 0) {
        throw fieldFailure('CONFLICT', 'to', 'errors.projectHasPendingTranches', {
          count: pending.length,
        })
      }
      const transitionId = await writer.insert('project_transitions', {
        project_id: project.id,
        from_status: from,
        to_status: input.to,
        on_date: input.onDate,
        author,
        note: input.to === 'abandoned' ? input.reason : input.note,
        override_reason: overrideReason,
      })
      if (input.to === 'abandoned') {
        for (const tranche of pending) {
          await writer.update('tranches', tranche.id, {
            status: 'cancelled',
            cancel_reason: input.reason,
          })
        }
      }
      if (ending) {
        await this.financing.releaseUnpaid(writer, project, transitionId, input.onDate)
      }
      await writer.update(
        'projects',
        project.id,
        {
          status: input.to,
          ...(input.to === 'approved'
            ? { approved_on: input.onDate, bureau_meeting: input.bureauMeeting }
            : {}),
        },
        project,
      )
    })
  }

  /** Projects by country, programme and status, with their cost and AIMF money in euros. */
  async breakdown(query: ProjectListQuery = {}): Promise<ProjectsBreakdown> {
    return breakdownOf(await this.list(query))
  }

  private async columns(
    db: DataFile['db'],
    fields: ProjectFields,
    code: string,
    country: string | null,
  ) {
    const cost = readAmount(fields.totalCost, fields.currency, 'totalCost')
    // The cost must be convertible: the plan is compared with it in euros.
    await euroValueOn(this.rates, db, cost, this.today(), 'currency')
    return projectColumns(fields, code, country, cost.minor)
  }
}

/** A project's columns from its fields, its cost read (the region its member's country's). */
export function projectColumns(
  fields: ProjectFields,
  code: string,
  country: string | null,
  costMinor: number,
) {
  return {
    code,
    title: fields.title,
    member_id: fields.memberId,
    region: fields.region ?? regionOfCountry(country),
    sector_code: fields.sectorCode,
    programme: fields.programme,
    nature: fields.nature,
    currency: fields.currency,
    total_cost_minor: costMinor,
    starts_on: fields.startsOn,
    ends_on: fields.endsOn,
    objectives: fields.objectives,
    description: fields.description,
    title_en: fields.titleEn,
    description_en: fields.descriptionEn,
    contact_name: fields.contactName,
    contact_email: fields.contactEmail,
    contact_phone: fields.contactPhone,
  }
}

interface SummaryRow {
  id: string
  code: string
  title: string
  member_id: string
  member_name: string
  member_deleted_at: string | null
  country: string | null
  region: string | null
  sector_code: string
  programme: string
  nature: 'operating' | 'investment'
  status: string
  currency: string
  total_cost_minor: number
  starts_on: string | null
  ends_on: string | null
  approved_on: string | null
  created_at: string
  deleted_at: string | null
  committed_eur: number | null
  paid_eur: number | null
  late_tranches: number
  funders: string | null
  overdue_reports: number
}

/**
 * The projects' list rows in one query: each project's member, AIMF money committed and paid
 * (sums over the ledger), late tranches, funders and overdue reports of the agreements
 * financing it. The list's exact-value filters (`chosen`) are applied in SQL, so that a
 * filtered list computes its figures for the projects it shows only.
 */
export async function projectSummaries(
  db: DataFile['db'],
  today: string,
  {
    includeArchived,
    onlyId,
    chosen = {},
  }: {
    includeArchived: boolean
    /** One project only: its page. */
    onlyId?: string
    chosen?: Pick<ProjectListQuery, 'status' | 'country' | 'region' | 'programme'>
  },
): Promise<ProjectSummary[]> {
  const rows = await jsonRows<SummaryRow>(
    db,
    sql`
    SELECT ${jsonObject({
      id: 'p.id',
      code: 'p.code',
      title: 'p.title',
      member_id: 'p.member_id',
      member_name: 'm.name',
      member_deleted_at: 'm.deleted_at',
      country: 'm.country',
      region: 'p.region',
      sector_code: 'p.sector_code',
      programme: 'p.programme',
      nature: 'p.nature',
      status: 'p.status',
      currency: 'p.currency',
      total_cost_minor: 'p.total_cost_minor',
      starts_on: 'p.starts_on',
      ends_on: 'p.ends_on',
      approved_on: 'p.approved_on',
      created_at: 'p.created_at',
      deleted_at: 'p.deleted_at',
      committed_eur: lineMoney('allocation'),
      paid_eur: lineMoney('disbursement'),
      late_tranches: sql`(SELECT COUNT(*) FROM tranches t WHERE t.project_id = p.id
        AND t.deleted_at IS NULL AND t.status IN ('planned', 'released') AND t.planned_on < ${today})`,
      funders: `(SELECT group_concat(DISTINCT a.funder_id) FROM financing_lines l
        JOIN agreements a ON a.id = l.agreement_id WHERE l.project_id = p.id AND l.deleted_at IS NULL)`,
      overdue_reports: sql`(SELECT COUNT(*) FROM financing_lines l
        JOIN agreement_reports r ON r.agreement_id = l.agreement_id
        WHERE l.project_id = p.id AND l.deleted_at IS NULL AND r.deleted_at IS NULL
          AND r.status = 'to_prepare' AND r.due_on < ${today})`,
    })} AS row
    FROM projects p JOIN members m ON m.id = p.member_id
    WHERE (${includeArchived ? 1 : 0} = 1 OR p.deleted_at IS NULL)
      ${onlyId ? sql`AND p.id = ${onlyId}` : sql``}
      ${chosen.status ? sql`AND p.status = ${chosen.status}` : sql``}
      ${chosen.country ? sql`AND m.country = ${chosen.country}` : sql``}
      ${chosen.region ? sql`AND p.region = ${chosen.region}` : sql``}
      ${chosen.programme ? sql`AND p.programme = ${chosen.programme}` : sql``}
    ORDER BY p.code`,
  )
  const funderNames = new Map(
    (await db.selectFrom('funders').select(['id', 'name']).execute()).map((f) => [f.id, f.name]),
  )
  const costs = await euroCosts(db, rows, today)
  return rows.map((row) => {
    const funderIds = row.funders ? row.funders.split(',') : []
    const dated = row.approved_on ?? row.starts_on ?? row.created_at
    return {
      id: row.id,
      code: row.code,
      title: row.title,
      memberId: row.member_id,
      memberName: row.member_name,
      memberArchived: row.member_deleted_at !== null,
      country: row.country,
      region: row.region as Region | null,
      sectorCode: row.sector_code,
      programme: row.programme,
      nature: row.nature,
      status: row.status as ProjectStatus,
      currency: row.currency as CurrencyCode,
      totalCost: row.total_cost_minor,
      totalCostEur: costs.get(row.id) ?? 0,
      committedEur: Number(row.committed_eur ?? 0),
      paidEur: Number(row.paid_eur ?? 0),
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      approvedOn: row.approved_on,
      year: Number(dated.slice(0, 4)),
      funderIds,
      funderNames: funderIds.map((id) => funderNames.get(id) ?? id),
      lateTranches: Number(row.late_tranches),
      overdueReports: Number(row.overdue_reports),
      archivedAt: row.deleted_at,
    }
  })
}

/** What a project's financing lines hold in the ledger of one kind, in euro cents. */
function lineMoney(kind: 'allocation' | 'disbursement') {
  // CROSS JOIN keeps this order: the project's few lines first, then each line's entries.
  return sql`(SELECT SUM(e.eur_minor) FROM financing_lines l
    CROSS JOIN ledger_entries e ON e.use_table = 'financing_lines' AND e.use_id = l.id
    WHERE l.project_id = p.id AND l.deleted_at IS NULL AND e.deleted_at IS NULL
      AND e.kind = ${kind})`
}

/** Each project's cost in euro cents, at the latest rate of its currency (fixed for XOF/XAF). */
async function euroCosts(
  db: DataFile['db'],
  rows: readonly SummaryRow[],
  today: string,
): Promise<Map<string, number>> {
  const latest = await sql<{ currency: string; rate: string }>`
    SELECT currency, rate FROM exchange_rates r WHERE deleted_at IS NULL AND series = 'bank'
      AND rate_date = (
      SELECT MAX(rate_date) FROM exchange_rates x WHERE x.currency = r.currency
        AND x.series = 'bank' AND x.deleted_at IS NULL AND x.rate_date <= ${today})`.execute(db)
  const rates = new Map(latest.rows.map((r) => [r.currency, r.rate]))
  const costs = new Map<string, number>()
  for (const row of rows) {
    const currency = row.currency as CurrencyCode
    if (currency === 'EUR') {
      costs.set(row.id, row.total_cost_minor)
      continue
    }
    const rate = fixedParity(currency) ?? rates.get(currency)
    costs.set(row.id, rate ? toEuro(money(row.total_cost_minor, currency), rate).minor : 0)
  }
  return costs
}
