import { sql } from 'kysely'
import type { DataFile } from '../db/data-file'
import { agreementFigures, financingLineFigures, untiedUnallocated } from '../funds/ledger'
import type { MemberStatus } from '@shared/members/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { money } from '@shared/money/money'
import {
  allowedTransitions,
  type EligibleAgreement,
  type FinancingSource,
  type Indicator,
  type IndicatorLevel,
  type IndicatorMeasure,
  indicatorProgress,
  type ProjectDetail,
  type ProjectStatus,
  type ProjectSummary,
  type TrancheStatus,
} from '@shared/projects/schema'
import { duesStanding } from '../dues/dues-accounts'
import { eligibility } from './financing-service'
import { planBalance } from './plan-balance'

/** Everything a project's page shows, read in a handful of queries. */
export async function projectDetail(
  db: DataFile['db'],
  summary: ProjectSummary,
  today: string,
): Promise<ProjectDetail> {
  const project = await db
    .selectFrom('projects')
    .selectAll()
    .where('id', '=', summary.id)
    .executeTakeFirstOrThrow()
  const member = await db
    .selectFrom('members')
    .select(['status'])
    .where('id', '=', project.member_id)
    .executeTakeFirstOrThrow()

  const lineRows = await db
    .selectFrom('financing_lines as l')
    .leftJoin('agreements as a', 'a.id', 'l.agreement_id')
    .selectAll('l')
    .select('a.reference as agreement_reference')
    .where('l.project_id', '=', project.id)
    .where('l.deleted_at', 'is', null)
    .orderBy('l.created_at')
    .execute()
  const lineFigures = await financingLineFigures(
    db,
    lineRows.map((l) => l.id),
  )
  const lines = lineRows.map((l) => ({
    id: l.id,
    source: l.source as FinancingSource,
    agreementId: l.agreement_id,
    agreementReference: l.agreement_reference,
    headingCode: l.heading_code,
    partnerName: l.partner_name,
    amount: l.amount_minor,
    currency: l.currency as CurrencyCode,
    eurAmount: l.eur_minor,
    rate: l.rate,
    committedOn: l.committed_on,
    allocated: lineFigures.get(l.id)?.allocated ?? 0,
    disbursed: lineFigures.get(l.id)?.disbursed ?? 0,
    note: l.note,
  }))
  const balance = await planBalance(
    project,
    lines.map((l) => ({ currency: l.currency, minor: l.amount, eur: l.eurAmount })),
    async () => ({ eur: money(summary.totalCostEur, 'EUR') }),
  )

  const trancheRows = await db
    .selectFrom('tranches')
    .selectAll()
    .where('project_id', '=', project.id)
    .where('deleted_at', 'is', null)
    .orderBy('number')
    .execute()
  const tranches = trancheRows.map((t) => ({
    id: t.id,
    number: t.number,
    plannedOn: t.planned_on,
    amount: t.amount_minor,
    condition: t.condition,
    conditionMetOn: t.condition_met_on,
    status: t.status as TrancheStatus,
    releasedOn: t.released_on,
    paidOn: t.paid_on,
    paidAmount: t.paid_amount_minor,
    paidEur: t.paid_eur_minor,
    bankReference: t.bank_reference,
    overrideReason: t.override_reason,
    cancelReason: t.cancel_reason,
    late: (t.status === 'planned' || t.status === 'released') && t.planned_on < today,
  }))

  const expenseRows = await db
    .selectFrom('project_expenses')
    .selectAll()
    .where('project_id', '=', project.id)
    .where('deleted_at', 'is', null)
    .orderBy('spent_on')
    .execute()
  const expenses = expenseRows.map((e) => ({
    id: e.id,
    spentOn: e.spent_on,
    supplier: e.supplier,
    description: e.description,
    amount: e.amount_minor,
    currency: e.currency as CurrencyCode,
    eurAmount: e.eur_minor,
    agreementId: e.agreement_id,
    headingCode: e.heading_code,
    document: e.document,
  }))
  const justifiedEur = expenses.reduce((sum, e) => sum + e.eurAmount, 0)

  return {
    ...summary,
    titleEn: project.title_en,
    objectives: project.objectives,
    description: project.description,
    descriptionEn: project.description_en,
    contactName: project.contact_name,
    contactEmail: project.contact_email,
    contactPhone: project.contact_phone,
    bureauMeeting: project.bureau_meeting,
    updatedAt: project.updated_at,
    memberStatus: member.status as MemberStatus,
    plan: { lines, ...balance },
    tranches,
    expenses,
    justification: {
      paidEur: summary.paidEur,
      justifiedEur,
      toJustifyEur: summary.paidEur - justifiedEur,
    },
    indicators: await indicatorsOf(db, project.id),
    transitions: (
      await db
        .selectFrom('project_transitions')
        .selectAll()
        .where('project_id', '=', project.id)
        .where('deleted_at', 'is', null)
        .orderBy('created_at')
        .execute()
    ).map((t) => ({
      id: t.id,
      fromStatus: t.from_status as ProjectStatus | null,
      toStatus: t.to_status as ProjectStatus,
      onDate: t.on_date,
      author: t.author,
      note: t.note,
      overrideReason: t.override_reason,
      recordedAt: t.created_at,
    })),
    documents: (
      await db
        .selectFrom('project_documents')
        .selectAll()
        .where('project_id', '=', project.id)
        .where('deleted_at', 'is', null)
        .orderBy('created_at')
        .execute()
    ).map((d) => ({
      id: d.id,
      title: d.title,
      originalName: d.original_name,
      size: d.size,
      addedAt: d.created_at,
    })),
    ledger: await ledgerLinesOf(
      db,
      lineRows.map((l) => l.id),
    ),
    eligibleAgreements: await eligibleAgreements(db, project),
    untiedAvailableEur: await untiedUnallocated(db),
    nextStatuses: project.deleted_at ? [] : allowedTransitions(project.status as ProjectStatus),
    dues: await duesStanding(db, project.member_id, today),
  }
}

async function indicatorsOf(db: DataFile['db'], projectId: string): Promise<Indicator[]> {
  const indicators = await db
    .selectFrom('indicators')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute()
  const values = indicators.length
    ? await db
        .selectFrom('indicator_values')
        .selectAll()
        .where(
          'indicator_id',
          'in',
          indicators.map((i) => i.id),
        )
        .where('deleted_at', 'is', null)
        .orderBy('period_end')
        .execute()
    : []
  return indicators.map((i) => {
    const own = values
      .filter((v) => v.indicator_id === i.id)
      .map((v) => ({ id: v.id, periodEnd: v.period_end, value: v.value, comment: v.comment }))
    const latestValue = own.at(-1)?.value ?? null
    const measure = i.measure as IndicatorMeasure
    return {
      id: i.id,
      name: i.name,
      level: i.level as IndicatorLevel,
      measure,
      unit: i.unit,
      baselineValue: i.baseline_value,
      baselineOn: i.baseline_on,
      targetValue: i.target_value,
      targetOn: i.target_on,
      values: own,
      latestValue,
      progress: indicatorProgress(measure, i.baseline_value, i.target_value, latestValue),
    }
  })
}

/** The ledger entries a project's plan lines carry: allocations, payments, releases. */
async function ledgerLinesOf(db: DataFile['db'], lineIds: readonly string[]) {
  if (lineIds.length === 0) return []
  const rows = await db
    .selectFrom('ledger_entries as e')
    .leftJoin('agreements as a', 'a.id', 'e.agreement_id')
    .select([
      'e.id',
      'e.entry_date',
      'e.kind',
      'e.fund_class',
      'e.amount_minor',
      'e.currency',
      'e.eur_minor',
      'e.reverses_id',
      'a.reference',
    ])
    .where('e.use_table', '=', 'financing_lines')
    .where('e.use_id', 'in', lineIds)
    .where('e.deleted_at', 'is', null)
    .orderBy('e.entry_date')
    .orderBy('e.created_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    entryDate: r.entry_date,
    kind: r.kind,
    fundClass: r.fund_class,
    agreementReference: r.reference,
    amount: r.amount_minor,
    currency: r.currency as CurrencyCode,
    eurAmount: r.eur_minor,
    reversal: r.reverses_id !== null,
  }))
}

/** Agreements that may finance the project, with what they have unallocated. */
async function eligibleAgreements(
  db: DataFile['db'],
  project: { id: string; programme: string },
): Promise<EligibleAgreement[]> {
  const rows = await sql<{
    id: string
    reference: string
    funder_name: string
    currency: string
    earmarking: string
    programme_code: string | null
    named: number
    closed_on: string | null
  }>`
    SELECT a.id, a.reference, f.name AS funder_name, a.currency, a.earmarking, a.programme_code,
      (SELECT c.closed_on FROM agreement_closings c WHERE c.agreement_id = a.id
        AND c.deleted_at IS NULL LIMIT 1) AS closed_on,
      EXISTS (SELECT 1 FROM agreement_projects ap WHERE ap.agreement_id = a.id
        AND ap.project_id = ${project.id} AND ap.deleted_at IS NULL) AS named
    FROM agreements a JOIN funders f ON f.id = a.funder_id
    WHERE a.deleted_at IS NULL AND a.earmarking != 'untied'
    ORDER BY a.reference`.execute(db)
  const eligible = rows.rows.filter(
    (a) => eligibility(a, project, Number(a.named) === 1) === 'eligible',
  )
  const figures = await agreementFigures(
    db,
    '9999-12-31',
    eligible.map((a) => a.id),
  )
  const headings =
    eligible.length === 0
      ? []
      : await db
          .selectFrom('agreement_headings')
          .select(['agreement_id', 'code', 'label'])
          .where(
            'agreement_id',
            'in',
            eligible.map((a) => a.id),
          )
          .where('deleted_at', 'is', null)
          .orderBy('position')
          .execute()
  return eligible.map((a) => ({
    id: a.id,
    reference: a.reference,
    funderName: a.funder_name,
    currency: a.currency as CurrencyCode,
    closedOn: a.closed_on,
    unallocated: figures.get(a.id)?.native.unallocated ?? 0,
    headings: headings
      .filter((h) => h.agreement_id === a.id)
      .map((h) => ({ code: h.code, label: h.label })),
  }))
}
