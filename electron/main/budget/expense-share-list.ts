import type { DataFile } from '../db/data-file'
import type { ExpenseShare } from '@shared/budget/cost-sharing'

/** The record table of shares, also the `use` of their ledger entries. */
export const EXPENSE_SHARES = 'expense_shares'

/** The shares of the expenses listed, by expense, in their order. */
export async function sharesOfExpenses(
  db: DataFile['db'],
  expenseIds: readonly string[],
): Promise<Map<string, ExpenseShare[]>> {
  const byExpense = new Map<string, ExpenseShare[]>()
  // SQLite takes at most 32,766 parameters; a year's expenses are read in slices.
  for (let start = 0; start < expenseIds.length; start += 500) {
    const ids = expenseIds.slice(start, start + 500)
    const rows = await db
      .selectFrom('expense_shares as s')
      .leftJoin('agreements as a', 'a.id', 's.agreement_id')
      .select([
        's.expense_id',
        's.agreement_id',
        's.heading_code',
        's.percent_bp',
        's.amount_minor',
        's.eur_minor',
        'a.reference',
      ])
      .where('s.expense_id', 'in', ids)
      .where('s.deleted_at', 'is', null)
      .orderBy('s.expense_id')
      .orderBy('s.position')
      .execute()
    for (const row of rows) {
      const list = byExpense.get(row.expense_id) ?? []
      list.push({
        agreementId: row.agreement_id,
        agreementReference: row.reference,
        headingCode: row.heading_code,
        percentBp: row.percent_bp,
        amount: row.amount_minor,
        eurAmount: row.eur_minor,
      })
      byExpense.set(row.expense_id, list)
    }
  }
  return byExpense
}
