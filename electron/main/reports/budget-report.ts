import { formatPercent } from '@shared/i18n/format-percent'
import type { BudgetFigures, BudgetItem, BudgetView } from '@shared/budget/schema'
import type { Formula, ReportDocument, ReportRow } from '@shared/reports/model'
import type { ReportContext } from './report-context'
import { amount, percent, row, text, withFormulas } from './report-cells'

// Columns: code, label, nature, planned, committed, spent, remaining, executed, variance.
const PLANNED = 3
const COMMITTED = 4
const SPENT = 5
const REMAINING = 6
const EXECUTED = 7
const VARIANCE = 8
const WIDTH = 9

/**
 * Budget against actual for a version at a day: every chapter and line with planned,
 * committed, spent, remaining, % executed and variance (chapters as sums of what they hold),
 * then the totals by direction, nature and class of money, and the balance.
 */
export async function budgetReport(
  context: ReportContext,
  versionId: string,
  asOf: string | null,
): Promise<ReportDocument> {
  const { session, t } = context
  const view = await session.budget.view(versionId, asOf)
  const columns = [
    { label: t('budget.col.code'), kind: 'text' as const, width: 8 },
    { label: t('budget.col.label'), kind: 'text' as const, width: 40 },
    { label: t('budget.col.nature'), kind: 'text' as const, width: 14 },
    { label: t('budget.col.planned'), kind: 'money' as const, width: 15 },
    { label: t('budget.col.committed'), kind: 'money' as const, width: 15 },
    { label: t('budget.col.spent'), kind: 'money' as const, width: 15 },
    { label: t('budget.col.remaining'), kind: 'money' as const, width: 15 },
    { label: t('budget.col.executed'), kind: 'percent' as const, width: 10 },
    { label: t('budget.col.variance'), kind: 'money' as const, width: 15 },
  ]
  const rows: ReportRow[] = []
  const indexOf = new Map<string, number>()
  for (const item of view.items) {
    indexOf.set(item.id, rows.length)
    rows.push(itemRow(item, context))
  }
  // A chapter sums the rows of what it directly holds.
  for (const item of view.items.filter((i) => i.kind === 'chapter')) {
    const index = indexOf.get(item.id)
    const target = index === undefined ? undefined : rows[index]
    if (!target) continue
    const children = view.items
      .filter((child) => child.parentId === item.id)
      .map((child) => indexOf.get(child.id) ?? -1)
    target.formulas = withFormulas(
      WIDTH,
      [PLANNED, COMMITTED, SPENT].map(
        (c) => [c, { op: 'sum', rows: children }] as [number, Formula],
      ),
      target.formulas,
    )
  }
  return {
    kind: 'budget',
    title: t('reporting.kind.budget'),
    organisation: (await session.organisation.get()).name,
    generatedAt: context.now,
    language: context.language,
    parameters: [
      { label: t('budget.year'), value: String(view.version.year) },
      { label: t('budget.version'), value: versionName(view, context) },
      { label: t('reporting.param.asOf'), value: context.date(view.asOf) },
    ],
    sheets: [
      {
        name: t('reporting.sheet.budgetVsActual'),
        title: t('reporting.sheet.budgetVsActual'),
        tables: [{ columns, rows }],
      },
      {
        name: t('reporting.sheet.totals'),
        title: t('reporting.sheet.totals'),
        tables: [totalsTable(view, context, columns)],
      },
    ],
  }
}

export function versionName(view: BudgetView, context: ReportContext): string {
  return view.version.number === 0
    ? context.t('budget.initial')
    : context.t('budget.revision', { number: view.version.number })
}

function figureCells(figures: BudgetFigures) {
  return [
    amount(figures.planned),
    amount(figures.committed),
    amount(figures.spent),
    amount(figures.remaining),
    percent(figures.executed),
    amount(figures.variance),
  ]
}

/** Remaining, executed and variance are recomputed from the row's own cells. */
function rowFormulas(): (Formula | null)[] {
  return withFormulas(WIDTH, [
    [REMAINING, { op: 'subtract', a: PLANNED, b: SPENT }],
    [EXECUTED, { op: 'ratio', a: SPENT, b: PLANNED }],
    [VARIANCE, { op: 'subtract', a: SPENT, b: PLANNED }],
  ])
}

function itemRow(item: BudgetItem, context: ReportContext): ReportRow {
  return row(
    [
      text(item.code),
      text(item.label),
      text(context.t(`budget.nature.${item.nature}`)),
      ...figureCells(item.figures),
    ],
    item.kind === 'chapter' ? 'group' : 'item',
    rowFormulas(),
    item.depth,
  )
}

function totalsTable(
  view: BudgetView,
  context: ReportContext,
  columns: { label: string; kind: 'text' | 'money' | 'percent'; width: number }[],
) {
  const { t } = context
  const totals = view.totals
  const line = (label: string, figures: BudgetFigures, style: ReportRow['style'] = 'item') =>
    row([null, text(label), null, ...figureCells(figures)], style, rowFormulas())
  const rows: ReportRow[] = [
    line(t('budget.direction.income'), totals.income),
    line(t('budget.direction.expense'), totals.expense),
    line(t('budget.nature.operating'), totals.byNature.operating),
    line(t('budget.nature.investment'), totals.byNature.investment),
    line(t('agreements.fundClass.tied'), totals.bySource.tied),
    line(t('agreements.fundClass.untied'), totals.bySource.untied),
    row(
      [
        null,
        text(t('budget.balance')),
        null,
        amount(totals.balancePlanned),
        null,
        amount(totals.balanceActual),
        null,
        null,
        null,
      ],
      'total',
      withFormulas(WIDTH, [
        [PLANNED, { op: 'rowDifference', a: 0, b: 1 }],
        [SPENT, { op: 'rowDifference', a: 0, b: 1 }],
      ]),
    ),
  ]
  return {
    columns,
    rows,
    notes: [
      t('budget.untiedShareNote', {
        share:
          totals.untiedShare === null ? '—' : formatPercent(totals.untiedShare, context.language),
      }),
    ],
  }
}
