import type { BudgetItem } from '@shared/budget/schema'
import { money, toDecimalString } from '@shared/money/money'
import { addBudgetItems, DEMO_BUDGET_STRUCTURE } from '../demo-budget'
import { PER_YEAR } from './volumes'
import { GENERATED_AUTHOR, type LargeFileRun } from './run'

/** A budget per year (the demo's structure) and its expenses on the running-cost lines. */
export async function generateBudget(run: LargeFileRun): Promise<void> {
  let previous: string | null = null
  for (let year = run.firstYear; year <= run.options.lastYear; year += 1) {
    run.progress('budget', year - run.firstYear, run.options.years)
    let versionId: string
    if (previous === null) {
      versionId = await run.session.budget.create(year, GENERATED_AUTHOR)
      await addBudgetItems(run.session, versionId, null, DEMO_BUDGET_STRUCTURE, GENERATED_AUTHOR)
    } else {
      versionId = await run.session.budget.copyToYear(previous, year, GENERATED_AUTHOR)
    }
    await run.session.budget.adopt(versionId, `${year - 1}-12-05`, GENERATED_AUTHOR)
    previous = versionId
    const { items } = await run.session.budget.view(versionId, null)
    const lines = items.filter(
      (item: BudgetItem) =>
        item.kind === 'line' && item.direction === 'expense' && item.tracks === 'expenses',
    )
    const plannedTotal = lines.reduce((sum, line) => sum + line.figures.planned, 0)
    const expenses = []
    for (const line of lines) {
      // Each line's share of the year's expenses, at most 90 % of what it planned in all.
      const count = Math.max(
        1,
        Math.round((PER_YEAR.budgetExpenses * line.figures.planned) / plannedTotal),
      )
      const eachCents = Math.floor((line.figures.planned * 0.9) / count)
      for (let i = 0; i < count; i += 1) {
        expenses.push({
          lineKey: line.lineKey,
          spentOn: run.day(year),
          agreementId: null,
          headingCode: null,
          supplier: null,
          description: `${line.label} — pièce ${i + 1}`,
          amount: toDecimalString(money(eachCents, 'EUR')),
          currency: 'EUR' as const,
          document: null,
        })
      }
    }
    expenses.sort((a, b) => a.spentOn.localeCompare(b.spentOn))
    run.counts.budgetExpenses += (
      await run.session.budgetExpenses.addMany(expenses, GENERATED_AUTHOR)
    ).length
  }
}
