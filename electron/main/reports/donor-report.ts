import { CONTINGENCY_CAP_BP, DEFAULT_INDIRECT_CAP_BP } from '../funds/heading-templates'
import type { AgreementDetail, Heading } from '@shared/funds/schema'
import { formatBasisPoints } from '@shared/i18n/format-percent'
import { formatMoney } from '@shared/money/format'
import type { CurrencyCode } from '@shared/money/currencies'
import { money } from '@shared/money/money'
import type { Formula, ReportDocument, ReportRow, ReportSheet } from '@shared/reports/model'
import type { ReportContext } from './report-context'
import { amount, percent, row, share, text, withFormulas } from './report-cells'
import { projectSheets } from './donor-project-sheets'
import { currencySheet, receiptsSheet, agreementAmount } from './donor-money-sheets'
import { closingSheet } from './donor-closing-sheet'
import { type Spending, spendingOf } from './donor-spending'
import type { ConversionFallback } from '@shared/funds/conversion-rule'
import { beyondFlexibility } from '@shared/plausibility/eu-rules'

// Columns of the headings table.
const BUDGET = 2
const BEFORE = 3
const PERIOD = 4
const CUMULATIVE = 5
const REMAINING = 6
const VARIANCE = 7
const VARIANCE_SHARE = 8
const WIDTH = 10

/**
 * The financial report a funder asks for one agreement and period, in the agreement's headings
 * and currency: budget as last amended, spending before and during the period, cumulative,
 * remaining and variance, with the indirect-cost and contingency caps; the receipts and the
 * balance held; each spending in the currency it was incurred, its rate and its euro value;
 * the closing statement (final or provisional); the co-financing of the action; and the projects financed with their indicators.
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
  const { spending, fallbacks } = await spendingOf(context, agreement, end)
  const byRule = agreement.conversionRule !== 'day_rate'
  const sheets: ReportSheet[] = [
    headingsSheet(context, agreement, spending, start, end, conversionNotes(context, fallbacks)),
    await receiptsSheet(context, agreement, spending, end),
    await closingSheet(context, agreement.id),
    currencySheet(
      context,
      spending.filter((s) => s.entryDate >= start),
      currency,
      byRule,
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
      {
        label: t('reporting.param.conversionRule'),
        value: t(`conversion.rule.${agreement.conversionRule}`),
      },
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
  conversion: string[],
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
    return headingRow([text(code), text(label)], budget, before, period, currency, style, context, {
      euRules: agreement.euRules,
    })
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
  // Overhead recovered without an indirect heading to carry it: the indirect-costs line.
  const overhead = spending.filter(
    (s) => s.overhead && (s.headingCode === null || !known.has(s.headingCode)),
  )
  if (overhead.length > 0) {
    rows.push(lineOfSpending(t('overhead.reportLine'), overhead, start, end, currency, context))
    totalParts.push(rows.length - 1)
  }
  const unassigned = spending.filter(
    (s) => !overhead.includes(s) && (s.headingCode === null || !known.has(s.headingCode)),
  )
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
  if (agreement.conversionRule !== 'day_rate')
    rows.push(differenceRow(context, spending, start, end, currency))
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
        notes: [...capNotes(context, agreement, spending, end), ...conversion],
      },
    ],
  }
}

/** A line of spending with no budget of its own: before and in the period. */
function lineOfSpending(
  label: string,
  list: Spending[],
  start: string,
  end: string,
  currency: CurrencyCode,
  context: ReportContext,
): ReportRow {
  const sumOf = (part: Spending[]) => part.reduce((sum, s) => sum + s.amount, 0)
  const before = sumOf(list.filter((s) => s.entryDate < start))
  const period = sumOf(list.filter((s) => s.entryDate >= start && s.entryDate <= end))
  return headingRow([null, text(label)], 0, before, period, currency, 'item', context)
}

/**
 * The exchange difference of the spending by the agreement's rule against the bank's amounts,
 * on its own line below the total: never inside a heading's spending.
 */
function differenceRow(
  context: ReportContext,
  spending: Spending[],
  start: string,
  end: string,
  currency: CurrencyCode,
): ReportRow {
  const differenceOf = (list: Spending[]) =>
    list.reduce((sum, s) => sum + s.amount - s.bankAmount, 0)
  const before = differenceOf(spending.filter((s) => s.entryDate < start))
  const period = differenceOf(spending.filter((s) => s.entryDate >= start && s.entryDate <= end))
  return row(
    [
      null,
      text(context.t('reporting.donor.exchangeDifferenceLine')),
      null,
      amount(before, currency),
      amount(period, currency),
      amount(before + period, currency),
      null,
      null,
      null,
      null,
    ],
    'item',
    withFormulas(WIDTH, [[CUMULATIVE, { op: 'add', columns: [BEFORE, PERIOD] }]]),
  )
}

/** What the rule could not convert, said under the headings (converted at the bank's rate). */
function conversionNotes(context: ReportContext, fallbacks: ConversionFallback[]): string[] {
  return fallbacks.map((f) =>
    context.t(
      f.reason === 'noInforEuroRate'
        ? 'reporting.donor.noInforEuroRate'
        : 'reporting.donor.beforeReceipts',
      {
        currency: f.currency,
        period:
          f.reason === 'noInforEuroRate'
            ? `${f.period.slice(5, 7)}/${f.period.slice(0, 4)}`
            : context.date(f.period),
      },
    ),
  )
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
  rules: { euRules: boolean } = { euRules: false },
): ReportRow {
  const cumulative = before + period
  const variance = cumulative - budget
  // Under the EU's rules a heading may exceed its budget by 25 % at most without an amendment.
  const note =
    style !== 'item' || budget <= 0 || cumulative <= budget
      ? null
      : context.t(
          rules.euRules && beyondFlexibility(cumulative, budget)
            ? 'reporting.donor.overFlexibility'
            : 'reporting.donor.overBudget',
        )
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
