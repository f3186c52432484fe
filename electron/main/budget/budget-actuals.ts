import type { Selectable } from 'kysely'
import type { DataFile } from '../db/data-file'
import type { BudgetItemsTable, LedgerKind } from '../db/schema'
import type { BudgetFigures, BudgetItem, BudgetNature, BudgetTotals } from '@shared/budget/schema'
import type { FundClass } from '@shared/funds/schema'

interface Flow {
  kind: LedgerKind
  fundClass: FundClass
  agreementId: string | null
  eur: number
}

/** The ledger's sums for a budget year up to a day: what every line's actuals are made of. */
export interface BudgetActuals {
  /** Expenses recorded against each line, by the class of money that paid them. */
  expensesByLine: Map<string, Record<FundClass, number>>
  flows: Flow[]
  agreementClass: Map<string, FundClass>
}

/** Two aggregate queries over the ledger, whatever the size of the budget. */
export async function budgetActuals(
  db: DataFile['db'],
  year: number,
  asOf: string,
): Promise<BudgetActuals> {
  const from = `${year}-01-01`
  const to = asOf < `${year}-12-31` ? asOf : `${year}-12-31`
  const expenses = await db
    .selectFrom('ledger_entries as e')
    .innerJoin('budget_expenses as x', 'x.id', 'e.source_id')
    .select(['x.line_key', 'e.fund_class'])
    .select((eb) => eb.fn.sum<number>('e.eur_minor').as('eur'))
    .where('e.source_table', '=', 'budget_expenses')
    .where('e.deleted_at', 'is', null)
    .where('e.entry_date', '>=', from)
    .where('e.entry_date', '<=', to)
    .groupBy(['x.line_key', 'e.fund_class'])
    .execute()
  const flows = await db
    .selectFrom('ledger_entries')
    .select(['kind', 'fund_class', 'agreement_id'])
    .select((eb) => eb.fn.sum<number>('eur_minor').as('eur'))
    .where('deleted_at', 'is', null)
    .where('entry_date', '>=', from)
    .where('entry_date', '<=', to)
    .where('kind', '!=', 'expense')
    .groupBy(['kind', 'fund_class', 'agreement_id'])
    .execute()
  const agreements = await db.selectFrom('agreements').select(['id', 'earmarking']).execute()
  const expensesByLine = new Map<string, Record<FundClass, number>>()
  for (const row of expenses) {
    const sums = expensesByLine.get(row.line_key) ?? { tied: 0, untied: 0 }
    sums[row.fund_class] += Number(row.eur)
    expensesByLine.set(row.line_key, sums)
  }
  return {
    expensesByLine,
    flows: flows.map((row) => ({
      kind: row.kind,
      fundClass: row.fund_class,
      agreementId: row.agreement_id,
      eur: Number(row.eur),
    })),
    agreementClass: new Map(
      agreements.map((a) => [a.id, a.earmarking === 'untied' ? 'untied' : 'tied'] as const),
    ),
  }
}

/**
 * Whether a line can have no actuals for want of a planned source: a line of agreements'
 * receipts names the agreements whose money it expects. Without one it would take every
 * agreement's receipts — a programme-tied investment grant landing in the states' operating
 * grants — so it counts none, and the line says why.
 */
export function lacksSource(
  item: Pick<Selectable<BudgetItemsTable>, 'item_kind' | 'tracks'>,
  sources: BudgetItem['sources'],
): boolean {
  return item.item_kind === 'line' && item.tracks === 'receipts' && sources.length === 0
}

/**
 * A line's planned amount against its actuals. A line with agreement sources counts only the
 * entries of those agreements (and of the untied fund if it is one of its sources); a line
 * without sources counts all entries of what it tracks — dues, other income, the Cooperation
 * Fund's money — except a line of receipts, which counts none (see {@link lacksSource}).
 */
export function lineFigures(
  item: Selectable<BudgetItemsTable>,
  sources: BudgetItem['sources'],
  actuals: BudgetActuals,
): BudgetFigures {
  const planned = item.planned_minor
  if (item.item_kind === 'chapter' || lacksSource(item, sources)) return figures(planned, 0, 0)
  const matches = sourceFilter(sources)
  const sum = (kinds: readonly LedgerKind[]) =>
    actuals.flows
      .filter((flow) => kinds.includes(flow.kind) && matches(flow))
      .reduce((total, flow) => total + flow.eur, 0)
  switch (item.tracks) {
    case 'cooperation_fund':
      return figures(planned, sum(['allocation']), sum(['disbursement']))
    case 'receipts':
      return figures(planned, sum(['commitment']), sum(['receipt']))
    case 'dues': {
      const received = sum(['due_payment'])
      return figures(planned, received, received)
    }
    case 'other_income': {
      const received = sum(['other_income'])
      return figures(planned, received, received)
    }
    default: {
      const spent = actuals.expensesByLine.get(item.line_key)
      const total = (spent?.tied ?? 0) + (spent?.untied ?? 0)
      return figures(planned, total, total)
    }
  }
}

function sourceFilter(sources: BudgetItem['sources']): (flow: Flow) => boolean {
  if (sources.length === 0) return () => true
  const agreements = new Set(sources.flatMap((s) => (s.agreementId ? [s.agreementId] : [])))
  const untiedFund = sources.some((s) => s.agreementId === null)
  return (flow) =>
    flow.agreementId ? agreements.has(flow.agreementId) : untiedFund && flow.fundClass === 'untied'
}

function figures(planned: number, committed: number, spent: number): BudgetFigures {
  return {
    planned,
    committed,
    spent,
    remaining: planned - spent,
    executed: planned === 0 ? null : spent / planned,
    variance: spent - planned,
  }
}

/** The sum of several items' figures (a chapter's, a total's). */
export function addFigures(list: BudgetFigures[]): BudgetFigures {
  return figures(
    list.reduce((sum, f) => sum + f.planned, 0),
    list.reduce((sum, f) => sum + f.committed, 0),
    list.reduce((sum, f) => sum + f.spent, 0),
  )
}

/**
 * The budget's totals from its lines: income and expense, expense by nature and by class of
 * money, the balance, and the untied share of planned income.
 */
export function totalsOf(items: BudgetItem[], actuals: BudgetActuals): BudgetTotals {
  const lines = items.filter((item) => item.kind === 'line')
  const income = lines.filter((line) => line.direction === 'income')
  const expense = lines.filter((line) => line.direction === 'expense')
  const byNature = (nature: BudgetNature) =>
    addFigures(expense.filter((line) => line.nature === nature).map((line) => line.figures))
  const classOf = (agreementId: string | null): FundClass =>
    agreementId ? (actuals.agreementClass.get(agreementId) ?? 'tied') : 'untied'
  const bySource = { tied: figures(0, 0, 0), untied: figures(0, 0, 0) }
  for (const line of expense) {
    for (const source of line.sources) {
      const target = bySource[classOf(source.agreementId)]
      bySource[classOf(source.agreementId)] = figures(
        target.planned + source.amount,
        target.committed,
        target.spent,
      )
    }
    const spentBy = shareOfActuals(line, actuals, classOf)
    for (const fundClass of ['tied', 'untied'] as const) {
      const target = bySource[fundClass]
      bySource[fundClass] = figures(
        target.planned,
        target.committed + spentBy[fundClass].committed,
        target.spent + spentBy[fundClass].spent,
      )
    }
  }
  const incomeFigures = addFigures(income.map((line) => line.figures))
  const expenseFigures = addFigures(expense.map((line) => line.figures))
  const untiedIncome = income.reduce((sum, line) => {
    if (line.tracks === 'dues' || line.tracks === 'other_income') return sum + line.figures.planned
    return (
      sum +
      line.sources
        .filter((s) => classOf(s.agreementId) === 'untied')
        .reduce((total, s) => total + s.amount, 0)
    )
  }, 0)
  return {
    income: incomeFigures,
    expense: expenseFigures,
    byNature: { operating: byNature('operating'), investment: byNature('investment') },
    bySource,
    balancePlanned: incomeFigures.planned - expenseFigures.planned,
    balanceActual: incomeFigures.spent - expenseFigures.spent,
    untiedShare: incomeFigures.planned === 0 ? null : untiedIncome / incomeFigures.planned,
  }
}

/** How a line's actuals split between tied and untied money. */
function shareOfActuals(
  line: BudgetItem,
  actuals: BudgetActuals,
  classOf: (agreementId: string | null) => FundClass,
): Record<FundClass, { committed: number; spent: number }> {
  if (line.tracks === 'expenses' || line.tracks === null) {
    const spent = actuals.expensesByLine.get(line.lineKey) ?? { tied: 0, untied: 0 }
    return {
      tied: { committed: spent.tied, spent: spent.tied },
      untied: { committed: spent.untied, spent: spent.untied },
    }
  }
  const matches = sourceFilter(line.sources)
  const result = { tied: { committed: 0, spent: 0 }, untied: { committed: 0, spent: 0 } }
  for (const flow of actuals.flows) {
    if (!matches(flow)) continue
    const fundClass = flow.agreementId ? classOf(flow.agreementId) : flow.fundClass
    if (flow.kind === 'allocation') result[fundClass].committed += flow.eur
    if (flow.kind === 'disbursement') result[fundClass].spent += flow.eur
  }
  return result
}
