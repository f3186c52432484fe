import type { TFunction } from 'i18next'
import type { BudgetExpense, BudgetView } from '@shared/budget/schema'
import { formatDate } from '@shared/i18n/format-dates'
import type { Language } from '@shared/i18n/locale'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import type { ReversalFigure, ReversalRequest } from '../../components/ReversalDialog'

/**
 * The cancellation of an expense as the dialog shows it: the expense itself, and — when the
 * budget on screen counts it (its line, up to its date) — what its line and the year's spending
 * lose, in euros.
 */
export function expenseReversal(
  expense: BudgetExpense,
  view: BudgetView | null,
  t: TFunction,
  language: Language,
  reverse: (reason: string) => Promise<void>,
): ReversalRequest {
  const amount = formatMoney(money(expense.amount, expense.currency), language)
  const date = formatDate(expense.spentOn, language)
  const counted =
    view !== null && view.version.year === expense.year && expense.spentOn <= view.asOf
  const line = counted ? view.items.find((item) => item.lineKey === expense.lineKey) : undefined
  const less = (label: string, before: number): ReversalFigure => ({
    label,
    currency: 'EUR',
    before,
    after: before - expense.eurAmount,
  })
  return {
    action: t('budget.action.cancelExpense'),
    record: t('reversal.expense.record', { date, description: expense.description, amount }),
    figures: [
      {
        label: t('reversal.expense.amount'),
        currency: expense.currency,
        before: expense.amount,
        after: 0,
      },
      ...(line
        ? [less(t('reversal.expense.lineSpent', { line: line.label }), line.figures.spent)]
        : []),
      ...(counted ? [less(t('reversal.expense.yearSpent'), view.totals.expense.spent)] : []),
    ],
    reverse,
    done: (reason) => ({
      text: t('reversal.expense.done', { date, description: expense.description, amount, reason }),
    }),
  }
}
