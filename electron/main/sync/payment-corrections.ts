import type { Action } from './ledger-action'
import type { Entry } from './ledger-entry'
import type { LedgerView } from './ledger-view'

const EXPENSES = 'budget_expenses'

/**
 * Whether an action is the correction a copy writes when an expense was paid on two copies
 * offline (split-corrections.ts): it posts nothing for the expense and does not cancel it, and
 * each entry it reverses was overridden — a later payment of the expense, by another action,
 * stands after it — or the expense is cancelled. Any other reversal of an expense's entries
 * comes with its cancellation or a change of who pays it, and is checked as such.
 */
export function correctsPayment(view: LedgerView, tx: Action, expenseId: string): boolean {
  const reversals = tx.reversals(EXPENSES, expenseId)
  if (reversals.length === 0 || tx.posted(EXPENSES, expenseId).length > 0) return false
  if (tx.changesOf(EXPENSES, expenseId).some((c) => c.column_name === 'cancel_reason')) return false
  const expense = view.asOf(EXPENSES, expenseId, tx)
  if (!expense) return false
  if (expense.cancel_reason !== null && expense.cancel_reason !== undefined) return true
  const all = view.entriesOf(EXPENSES, expenseId)
  return reversals.every((reversal) => {
    const reversed = view.entry(reversal.reverses_id ?? '')
    if (!reversed) return false
    return all.some(
      (later) =>
        (later.reverses_id ?? null) === null &&
        later.tx !== reversed.tx &&
        later.stamp > reversed.stamp &&
        standsAfter(all, later, tx),
    )
  })
}

/**
 * After a correction, the expense says who pays it as its kept payment does: no fund of its own
 * when shares pay it, else the fund of its open entry. A cancelled expense may be set back to
 * a fund one of its entries was on.
 */
export function payerKept(view: LedgerView, tx: Action, expenseId: string): boolean {
  const expense = view.asOf(EXPENSES, expenseId, tx)
  if (!expense) return false
  const all = view.entriesOf(EXPENSES, expenseId)
  const fund = expense.agreement_id ?? null
  if (expense.cancel_reason !== null && expense.cancel_reason !== undefined) {
    return fund === null || all.some((e) => (e.agreement_id ?? null) === fund)
  }
  const kept = all.filter((e) => (e.reverses_id ?? null) === null && standsAfter(all, e, tx))
  if (kept.length === 0) return false
  if (kept.some((e) => e.use_table === 'expense_shares')) {
    return fund === null && (expense.heading_code ?? null) === null
  }
  // An entry the file brings leaves out what is empty.
  return kept.every((e) => (e.agreement_id ?? null) === fund)
}

/**
 * An entry not reversed by the end of the action: by it, or before it here or in the file (a
 * reversal both copies wrote is one record, which may read with this copy's later stamp).
 */
function standsAfter(all: readonly Entry[], entry: Entry, tx: Action): boolean {
  return !tx.reverses(entry.id) && !all.some((e) => e.reverses_id === entry.id && e.stamp <= tx.end)
}

/**
 * Whether an action is a change of who pays an expense that leaves the expense unchanged —
 * shares given up for the untied fund alone, where the expense's fund was already empty — as
 * the core writes it (budget/expense-funds-change.ts): it reverses the entries of the expense's
 * shares and archives each of those shares. Its new entry is then checked against the expense
 * like any other (fund, currency, day; with the others, the expense's whole amount), and every
 * entry this copy knows of the expense must be reversed by it (money-records.ts).
 */
export function dropsShares(tx: Action, expenseId: string, view: LedgerView): boolean {
  const shares = tx
    .reversals(EXPENSES, expenseId)
    .filter((r) => r.use_table === 'expense_shares')
    .map((r) => r.use_id ?? '')
  return (
    shares.length > 0 &&
    shares.every((id) => {
      const share = view.asOf('expense_shares', id, tx)
      return (
        tx.changesOf('expense_shares', id).some((c) => c.column_name === 'deleted_at') &&
        share?.deleted_at != null &&
        share.expense_id === expenseId
      )
    })
  )
}
