import { sql } from 'kysely'
import { CONTINGENCY_CAP_BP, DEFAULT_INDIRECT_CAP_BP } from '../funds/heading-templates'
import { countryName } from '@shared/geo/country-names'
import type { AgreementDetail, Heading } from '@shared/funds/schema'
import { formatBasisPoints } from '@shared/i18n/format-percent'
import { formatMoney } from '@shared/money/format'
import type { CurrencyCode } from '@shared/money/currencies'
import { money } from '@shared/money/money'
import type { Formula, ReportDocument, ReportRow, ReportSheet } from '@shared/reports/model'
import type { ReportContext } from './report-context'
import { amount, day, percent, rate, row, share, sums, text, withFormulas } from './report-cells'
import { indicatorSheet } from './projects-report'
import { indicatorsOf } from './report-queries'

// Columns of the headings table.
const BUDGET = 2
const BEFORE = 3
const PERIOD = 4
const CUMULATIVE = 5
const REMAINING = 6
const VARIANCE = 7
const VARIANCE_SHARE = 8
const WIDTH = 10

/** One spending entry of the agreement (a tranche's part, an expense), with what it was. */
interface Spending {
  entryDate: string
  kind: 'disbursement' | 'expense'
  headingCode: string | null
  amount: number
  eur: number
  rate: string
  description: string
  incurredAmount: number
  incurredCurrency: CurrencyCode
}

/**
 * The financial report a funder asks for one agreement and period, in the agreement's headings
 * and currency: budget as last amended, spending before and during the period, cumulative,
 * remaining and variance, with the indirect-cost and contingency caps; the receipts and the
 * balance held; each spending in the currency it was incurred, its rate and its euro value;
 * the co-financing of the action; and the projects financed with their indicators.
 */
export async function donorReport(
  context: ReportContext,
  agreementId: string,
  from: string | null,
  to: string | null,
): Promise<ReportDocument> {
  const { session, t, language } = context
  const agreement = await session.agreements.get(agreementId)
  const start = from ?? agreement.startsOn
  const end =
    to ?? (context.today < agreement.currentEndsOn ? context.today : agreement.currentEndsOn)
  const currency = agreement.currency
  const spending = await spendingOf(context, agreementId, end)
  const sheets: ReportSheet[] = [
    headingsSheet(context, agreement, spending, start, end),
    await receiptsSheet(context, agreement, spending, end),
    currencySheet(
      context,
      spending.filter((s) => s.entryDate >= start),
      currency,
    ),
    ...(await projectSheets(context, agreement)),
  ]
  return {
    kind: 'donor',
    title: t('reporting.kind.donor'),
    organisation: (await session.organisation.get()).name,
    generatedAt: context.now,
    language,
    parameters: [
      {
        label: t('reporting.param.agreement'),
        value: `${agreement.reference} — ${agreement.title}`,
      },
      { label: t('reporting.col.funder'), value: agreement.funderName },
      {
        label: t('reporting.param.agreementPeriod'),
        value: `${context.date(agreement.startsOn)} – ${context.date(agreement.currentEndsOn)}`,
      },
      {
        label: t('reporting.param.period'),
        value: `${context.date(start)} – ${context.date(end)}`,
      },
      { label: t('reporting.col.currency'), value: currency },
    ],
    sheets,
  }
}

function headingsSheet(
  context: ReportContext,
  agreement: AgreementDetail,
  spending: Spending[],
  start: string,
  end: string,
): ReportSheet {
  const { t } = context
  const currency = agreement.currency
  const spentOn = (code: string | null, when: 'before' | 'period') =>
    spending
      .filter((s) => s.headingCode === code)
      .filter((s) =>
        when === 'before' ? s.entryDate < start : s.entryDate >= start && s.entryDate <= end,
      )
      .reduce((sum, s) => sum + s.amount, 0)
  const lineFor = (
    label: string,
    code: string | null,
    budget: number,
    style: ReportRow['style'] = 'item',
  ) => {
    const before = spentOn(code, 'before')
    const period = spentOn(code, 'period')
    return headingRow([text(code), text(label)], budget, before, period, currency, style, context)
  }
  const headings = agreement.budget.headings
  const rows: ReportRow[] = []
  const direct = headings.filter((h) => h.role === 'direct')
  const directRows = direct.map((h) => {
    rows.push(lineFor(h.label, h.code, h.amount))
    return rows.length - 1
  })
  const totalParts: number[] = []
  if (direct.length > 0) {
    const sumOf = (list: ReportRow[], column: number) =>
      list.reduce((sum, r) => {
        const cell = r.cells[column]
        return sum + (cell?.kind === 'money' ? cell.minor : 0)
      }, 0)
    const directList = directRows.map((i) => rows[i] as ReportRow)
    const subtotal = headingRow(
      [null, text(t('reporting.donor.directSubtotal'))],
      sumOf(directList, BUDGET),
      sumOf(directList, BEFORE),
      sumOf(directList, PERIOD),
      currency,
      'subtotal',
      context,
    )
    subtotal.formulas = withFormulas(
      WIDTH,
      [BUDGET, BEFORE, PERIOD].map(
        (c) => [c, { op: 'sum', rows: directRows }] as [number, Formula],
      ),
      subtotal.formulas,
    )
    rows.push(subtotal)
    totalParts.push(rows.length - 1)
  }
  for (const heading of headings.filter((h) => h.role !== 'direct')) {
    rows.push(lineFor(heading.label, heading.code, heading.amount))
    totalParts.push(rows.length - 1)
  }
  const known = new Set(headings.map((h) => h.code))
  const unassigned = spending.filter((s) => s.headingCode === null || !known.has(s.headingCode))
  // Without headings, one line carries the agreement's amount, spent or not yet.
  if (unassigned.length > 0 || headings.length === 0) {
    const before = unassigned
      .filter((s) => s.entryDate < start)
      .reduce((sum, s) => sum + s.amount, 0)
    const period = unassigned
      .filter((s) => s.entryDate >= start && s.entryDate <= end)
      .reduce((sum, s) => sum + s.amount, 0)
    rows.push(
      headingRow(
        [
          null,
          text(
            t(headings.length > 0 ? 'reporting.donor.unassigned' : 'reporting.donor.allSpending'),
          ),
        ],
        headings.length > 0 ? 0 : agreementAmount(agreement),
        before,
        period,
        currency,
        'item',
        context,
      ),
    )
    totalParts.push(rows.length - 1)
  }
  const figure = (index: number, column: number) => {
    const cell = rows[index]?.cells[column]
    return cell?.kind === 'money' ? cell.minor : 0
  }
  const total = headingRow(
    [null, text(t('reporting.total'))],
    totalParts.reduce((sum, i) => sum + figure(i, BUDGET), 0),
    totalParts.reduce((sum, i) => sum + figure(i, BEFORE), 0),
    totalParts.reduce((sum, i) => sum + figure(i, PERIOD), 0),
    currency,
    'total',
    context,
  )
  total.formulas = withFormulas(
    WIDTH,
    [BUDGET, BEFORE, PERIOD].map((c) => [c, { op: 'sum', rows: totalParts }] as [number, Formula]),
    total.formulas,
  )
  rows.push(total)
  return {
    name: t('reporting.sheet.financialReport'),
    title: t('reporting.sheet.financialReport'),
    tables: [
      {
        columns: [
          { label: t('reporting.col.code'), kind: 'text', width: 7 },
          { label: t('reporting.col.heading'), kind: 'text', width: 34 },
          { label: t('reporting.donor.budget'), kind: 'money', width: 15 },
          {
            label: t('reporting.donor.before', { date: context.date(start) }),
            kind: 'money',
            width: 15,
          },
          { label: t('reporting.donor.period'), kind: 'money', width: 15 },
          { label: t('reporting.donor.cumulative'), kind: 'money', width: 15 },
          { label: t('reporting.donor.remaining'), kind: 'money', width: 15 },
          { label: t('reporting.donor.variance'), kind: 'money', width: 15 },
          { label: t('reporting.donor.varianceShare'), kind: 'percent', width: 9 },
          { label: t('reporting.col.note'), kind: 'text', width: 26 },
        ],
        rows,
        notes: capNotes(context, agreement, spending, end),
      },
    ],
  }
}

/** A heading's row: cumulative, remaining and variance are formulas over its own cells. */
function headingRow(
  label: ReportRow['cells'],
  budget: number,
  before: number,
  period: number,
  currency: CurrencyCode,
  style: ReportRow['style'],
  context: ReportContext,
): ReportRow {
  const cumulative = before + period
  const variance = cumulative - budget
  const note =
    style === 'item' && budget > 0 && cumulative > budget
      ? context.t('reporting.donor.overBudget')
      : null
  return row(
    [
      ...label,
      amount(budget, currency),
      amount(before, currency),
      amount(period, currency),
      amount(cumulative, currency),
      amount(budget - cumulative, currency),
      amount(variance, currency),
      percent(share(variance, budget)),
      text(note),
    ],
    style,
    withFormulas(WIDTH, [
      [CUMULATIVE, { op: 'add', columns: [BEFORE, PERIOD] }],
      [REMAINING, { op: 'subtract', a: BUDGET, b: CUMULATIVE }],
      [VARIANCE, { op: 'subtract', a: CUMULATIVE, b: BUDGET }],
      [VARIANCE_SHARE, { op: 'ratio', a: VARIANCE, b: BUDGET }],
    ]),
  )
}

/** The caps the agreement sets, applied to what was spent to the end of the period. */
function capNotes(
  context: ReportContext,
  agreement: AgreementDetail,
  spending: Spending[],
  end: string,
): string[] {
  const { t, language } = context
  const headings = agreement.budget.headings
  if (headings.length === 0) return [t('reporting.donor.noHeadings')]
  const spentIn = (role: Heading['role']) => {
    const codes = new Set(headings.filter((h) => h.role === role).map((h) => h.code))
    return spending
      .filter((s) => s.entryDate <= end && s.headingCode !== null && codes.has(s.headingCode))
      .reduce((sum, s) => sum + s.amount, 0)
  }
  const show = (minor: number) => formatMoney(money(minor, agreement.currency), language)
  const direct = spentIn('direct')
  const rateBp = agreement.indirectCostMaxBp ?? DEFAULT_INDIRECT_CAP_BP
  const indirectCap = Math.floor((direct * rateBp) / 10_000)
  const contingencyCap = Math.floor((agreement.budget.directSubtotal * CONTINGENCY_CAP_BP) / 10_000)
  const notes = [
    t('reporting.donor.indirectCap', {
      spent: show(spentIn('indirect')),
      cap: show(indirectCap),
      rate: formatBasisPoints(rateBp, language),
      direct: show(direct),
    }),
    t('reporting.donor.contingencyCap', {
      budget: show(agreement.budget.contingency),
      cap: show(contingencyCap),
      spent: show(spentIn('contingency')),
    }),
  ]
  if (spentIn('indirect') > indirectCap) notes.push(t('reporting.donor.indirectOverCap'))
  return notes
}

async function receiptsSheet(
  context: ReportContext,
  agreement: AgreementDetail,
  spending: Spending[],
  end: string,
): Promise<ReportSheet> {
  const { t } = context
  const currency = agreement.currency
  const receipts = await sql<{
    entry_date: string
    amount_minor: number
    eur_minor: number
    rate: string
    bank_reference: string | null
  }>`
    SELECT e.entry_date, e.amount_minor, e.eur_minor, e.rate, r.bank_reference
    FROM ledger_entries e LEFT JOIN receipts r ON r.id = e.source_id
    WHERE e.deleted_at IS NULL AND e.kind = 'receipt' AND e.agreement_id = ${agreement.id}
      AND e.entry_date <= ${end} AND e.reverses_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM ledger_entries x WHERE x.reverses_id = e.id)
    ORDER BY e.entry_date`.execute(context.session.file.db)
  const rows = receipts.rows.map((r) =>
    row([
      day(r.entry_date),
      text(r.bank_reference),
      amount(r.amount_minor, currency),
      rate(r.rate),
      amount(r.eur_minor),
    ]),
  )
  const received = receipts.rows.reduce((sum, r) => sum + r.amount_minor, 0)
  const receivedEur = receipts.rows.reduce((sum, r) => sum + r.eur_minor, 0)
  const items = rows.map((_, i) => i)
  rows.push(
    row(
      [
        text(t('reporting.donor.received')),
        null,
        amount(received, currency),
        null,
        amount(receivedEur),
      ],
      'total',
      sums(5, [2, 4], items),
    ),
  )
  const spent = spending.filter((s) => s.entryDate <= end).reduce((sum, s) => sum + s.amount, 0)
  const committed = agreementAmount(agreement)
  const balanceRows = [
    row([text(t('reporting.donor.committed')), amount(committed, currency)]),
    row([text(t('reporting.donor.received')), amount(received, currency)]),
    row([text(t('reporting.donor.spent')), amount(spent, currency)]),
    row([text(t('reporting.donor.balanceHeld')), amount(received - spent, currency)], 'total', [
      null,
      { op: 'rowDifference', a: 1, b: 2 },
    ]),
    row(
      [text(t('reporting.donor.stillExpected')), amount(committed - received, currency)],
      'item',
      [null, { op: 'rowDifference', a: 0, b: 1 }],
    ),
  ]
  return {
    name: t('reporting.sheet.receipts'),
    title: t('reporting.sheet.receipts'),
    tables: [
      {
        columns: [
          { label: t('reporting.col.date'), kind: 'date', width: 12 },
          { label: t('reporting.col.bankReference'), kind: 'text', width: 22 },
          { label: t('reporting.col.amountIn', { currency }), kind: 'money', width: 16 },
          { label: t('reporting.col.rate'), kind: 'rate', width: 10 },
          { label: t('reporting.col.amountEur'), kind: 'money', width: 16 },
        ],
        rows,
      },
      {
        title: t('reporting.donor.balanceTitle', { date: context.date(end) }),
        columns: [
          { label: t('reporting.col.item'), kind: 'text', width: 36 },
          { label: t('reporting.col.amountIn', { currency }), kind: 'money', width: 16 },
        ],
        rows: balanceRows,
      },
    ],
  }
}

/** Each spending of the period in the currency it was incurred, at its rate, and in euros. */
function currencySheet(
  context: ReportContext,
  spending: Spending[],
  currency: CurrencyCode,
): ReportSheet {
  const { t } = context
  const rows = spending.map((s) =>
    row([
      day(s.entryDate),
      text(s.description),
      text(s.headingCode),
      amount(s.incurredAmount, s.incurredCurrency),
      text(s.incurredCurrency),
      amount(s.amount, currency),
      rate(s.rate),
      amount(s.eur),
    ]),
  )
  const items = rows.map((_, i) => i)
  rows.push(
    row(
      [
        text(t('reporting.total')),
        null,
        null,
        null,
        null,
        amount(
          spending.reduce((sum, s) => sum + s.amount, 0),
          currency,
        ),
        null,
        amount(spending.reduce((sum, s) => sum + s.eur, 0)),
      ],
      'total',
      sums(8, [5, 7], items),
    ),
  )
  return {
    name: t('reporting.sheet.currencies'),
    title: t('reporting.sheet.currencies'),
    tables: [
      {
        columns: [
          { label: t('reporting.col.date'), kind: 'date', width: 11 },
          { label: t('reporting.col.description'), kind: 'text', width: 36 },
          { label: t('reporting.col.heading'), kind: 'text', width: 8 },
          { label: t('reporting.col.incurred'), kind: 'money', width: 16 },
          { label: t('reporting.col.currency'), kind: 'text', width: 7 },
          { label: t('reporting.col.amountIn', { currency }), kind: 'money', width: 16 },
          { label: t('reporting.col.rate'), kind: 'rate', width: 10 },
          { label: t('reporting.col.amountEur'), kind: 'money', width: 16 },
        ],
        rows,
      },
    ],
  }
}

/** The co-financing of the projects the agreement finances, and the projects themselves. */
async function projectSheets(
  context: ReportContext,
  agreement: AgreementDetail,
): Promise<ReportSheet[]> {
  const { t, language, session } = context
  const db = session.file.db
  const lines = await sql<{
    project_id: string
    code: string
    title: string
    title_en: string | null
    member_name: string
    country: string | null
    source: string
    agreement_id: string | null
    reference: string | null
    partner_name: string | null
    eur_minor: number
  }>`
    SELECT l.project_id, p.code, p.title, p.title_en, m.name AS member_name, m.country, l.source,
      l.agreement_id, a.reference, l.partner_name, l.eur_minor
    FROM financing_lines l
      JOIN projects p ON p.id = l.project_id
      JOIN members m ON m.id = p.member_id
      LEFT JOIN agreements a ON a.id = l.agreement_id
    WHERE l.deleted_at IS NULL AND p.deleted_at IS NULL AND l.project_id IN (
      SELECT project_id FROM financing_lines WHERE agreement_id = ${agreement.id} AND deleted_at IS NULL)
    ORDER BY p.code`.execute(db)
  const flows = await sql<{ project_id: string; committed: number; paid: number }>`
    SELECT l.project_id,
      SUM(CASE WHEN e.kind = 'allocation' THEN e.amount_minor ELSE 0 END) AS committed,
      SUM(CASE WHEN e.kind = 'disbursement' THEN e.amount_minor ELSE 0 END) AS paid
    FROM ledger_entries e JOIN financing_lines l ON l.id = e.use_id
    WHERE e.deleted_at IS NULL AND e.use_table = 'financing_lines' AND e.agreement_id = ${agreement.id}
    GROUP BY l.project_id`.execute(db)
  const flowOf = new Map(flows.rows.map((f) => [f.project_id, f]))
  const sourceLabel = (l: (typeof lines.rows)[number]) =>
    l.source === 'agreement'
      ? (l.reference ?? '')
      : l.source === 'partner'
        ? (l.partner_name ?? '')
        : t(`projects.plan.source_${l.source as 'untied_fund' | 'city_cash' | 'city_in_kind'}`)
  const bySource = new Map<string, number>()
  for (const line of lines.rows) {
    const label =
      line.agreement_id === agreement.id
        ? `${agreement.reference} (${t('reporting.donor.thisAgreement')})`
        : sourceLabel(line)
    bySource.set(label, (bySource.get(label) ?? 0) + line.eur_minor)
  }
  const whole = [...bySource.values()].reduce((sum, v) => sum + v, 0)
  const cofinancingRows = [...bySource].map(([label, eur]) =>
    row([text(label), amount(eur), percent(share(eur, whole))]),
  )
  const items = cofinancingRows.map((_, i) => i)
  cofinancingRows.push(
    row(
      [text(t('reporting.total')), amount(whole), percent(share(whole, whole))],
      'total',
      sums(3, [1], items),
    ),
  )

  const projects = [...new Map(lines.rows.map((l) => [l.project_id, l])).values()]
  const currency = agreement.currency
  const projectRows = projects.map((p) =>
    row([
      text(p.code),
      text(language === 'en' && p.title_en ? p.title_en : p.title),
      text(p.member_name),
      text(p.country ? countryName(p.country, language) : null),
      amount(Number(flowOf.get(p.project_id)?.committed ?? 0), currency),
      amount(Number(flowOf.get(p.project_id)?.paid ?? 0), currency),
    ]),
  )
  const projectItems = projectRows.map((_, i) => i)
  projectRows.push(
    row(
      [
        text(t('reporting.totalProjects', { count: projects.length })),
        null,
        null,
        null,
        amount(
          projects.reduce((sum, p) => sum + Number(flowOf.get(p.project_id)?.committed ?? 0), 0),
          currency,
        ),
        amount(
          projects.reduce((sum, p) => sum + Number(flowOf.get(p.project_id)?.paid ?? 0), 0),
          currency,
        ),
      ],
      'total',
      sums(6, [4, 5], projectItems),
    ),
  )
  const indicators = await indicatorsOf(
    db,
    projects.map((p) => p.project_id),
  )
  return [
    {
      name: t('reporting.sheet.cofinancing'),
      title: t('reporting.sheet.cofinancing'),
      tables: [
        {
          columns: [
            { label: t('reporting.col.source'), kind: 'text', width: 40 },
            { label: t('reporting.col.amountEur'), kind: 'money', width: 16 },
            { label: t('reporting.col.share'), kind: 'percent', width: 10 },
          ],
          rows: cofinancingRows,
          notes:
            agreement.cofinancingBp === null
              ? []
              : [
                  t('reporting.donor.cofinancingRequired', {
                    rate: formatBasisPoints(agreement.cofinancingBp, language),
                  }),
                ],
        },
      ],
    },
    {
      name: t('reporting.sheet.projects'),
      title: t('reporting.sheet.projects'),
      tables: [
        {
          columns: [
            { label: t('reporting.col.code'), kind: 'text', width: 13 },
            { label: t('reporting.col.title'), kind: 'text', width: 42 },
            { label: t('reporting.col.member'), kind: 'text', width: 24 },
            { label: t('reporting.col.country'), kind: 'text', width: 14 },
            { label: t('reporting.donor.allocated'), kind: 'money', width: 16 },
            { label: t('reporting.donor.paid'), kind: 'money', width: 16 },
          ],
          rows: projectRows,
        },
      ],
    },
    indicatorSheet(context, indicators, new Map(projects.map((p) => [p.project_id, p.code]))),
  ]
}

/** The amount committed as last amended, from the ledger's commitments. */
function agreementAmount(agreement: AgreementDetail): number {
  return agreement.figures.committed
}

/** The agreement's spending entries to a day, netted of cancellations, with their origin. */
async function spendingOf(
  context: ReportContext,
  agreementId: string,
  end: string,
): Promise<Spending[]> {
  const rows = await sql<{
    entry_date: string
    kind: 'disbursement' | 'expense'
    heading_code: string | null
    amount_minor: number
    eur_minor: number
    rate: string
    expense_description: string | null
    expense_amount: number | null
    expense_currency: string | null
    project_code: string | null
    tranche_number: number | null
    currency: string
  }>`
    SELECT e.entry_date, e.kind, e.heading_code, e.amount_minor, e.eur_minor, e.rate, e.currency,
      x.description AS expense_description, x.amount_minor AS expense_amount,
      x.currency AS expense_currency, p.code AS project_code, tr.number AS tranche_number
    FROM ledger_entries e
      LEFT JOIN budget_expenses x ON e.source_table = 'budget_expenses' AND x.id = e.source_id
      LEFT JOIN tranches tr ON e.source_table = 'tranches' AND tr.id = e.source_id
      LEFT JOIN projects p ON p.id = tr.project_id
    WHERE e.deleted_at IS NULL AND e.agreement_id = ${agreementId}
      AND e.kind IN ('disbursement', 'expense') AND e.entry_date <= ${end}
      AND e.reverses_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = e.id)
    ORDER BY e.entry_date, e.created_at`.execute(context.session.file.db)
  return rows.rows.map((r) => ({
    entryDate: r.entry_date,
    kind: r.kind,
    headingCode: r.heading_code,
    amount: r.amount_minor,
    eur: r.eur_minor,
    rate: r.rate,
    description:
      r.kind === 'expense'
        ? (r.expense_description ?? '')
        : context.t('reporting.donor.tranche', {
            code: r.project_code ?? '',
            number: r.tranche_number ?? 0,
          }),
    incurredAmount:
      r.kind === 'expense' && r.expense_amount !== null ? r.expense_amount : r.amount_minor,
    incurredCurrency: (r.kind === 'expense' && r.expense_currency
      ? r.expense_currency
      : r.currency) as CurrencyCode,
  }))
}
