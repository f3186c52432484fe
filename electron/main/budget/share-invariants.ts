import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema'
import type { CheckProblem } from '../check/check-problem'

/**
 * Cost sharing's invariants (migration 18): a shared expense's shares add up exactly to it, in
 * its currency and in euros; each share is in the ledger once — its fund, its euros — or,
 * the expense cancelled or the share archived by a change of the split, reversed whole; and a
 * shared expense has no entry left but its live shares'.
 */
export async function shareProblems(db: Kysely<Database>): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = []
  const sums = await sql<{
    id: string
    amount: number
    eur: number
    shares: number
    shares_eur: number
  }>`
    SELECT x.id, x.amount_minor AS amount, x.eur_minor AS eur,
      SUM(s.amount_minor) AS shares, SUM(s.eur_minor) AS shares_eur
    FROM budget_expenses x JOIN expense_shares s ON s.expense_id = x.id AND s.deleted_at IS NULL
    WHERE x.deleted_at IS NULL
    GROUP BY x.id HAVING shares != amount OR shares_eur != eur`.execute(db)
  for (const row of sums.rows) {
    const what = row.shares !== row.amount ? 'amount' : 'eur'
    problems.push({
      key: 'costSharing.check.sum',
      params: {
        id: row.id,
        shares: what === 'amount' ? row.shares : row.shares_eur,
        expense: what === 'amount' ? row.amount : row.eur,
        what,
      },
    })
  }
  // Each share against its entries: live, the share's euros on its fund; cancelled, nothing.
  const booked = await sql<{ id: string; expected: number; booked: number }>`
    SELECT s.id, CASE WHEN x.cancel_reason IS NULL THEN s.eur_minor ELSE 0 END AS expected,
      COALESCE(SUM(e.eur_minor), 0) AS booked,
      COALESCE(SUM(CASE WHEN e.reverses_id IS NULL THEN 1 END), 0) AS posted,
      COALESCE(SUM(CASE WHEN e.agreement_id IS NOT s.agreement_id OR e.kind != 'expense'
        OR e.source_table != 'budget_expenses' OR e.source_id != s.expense_id
        OR (s.agreement_id IS NULL AND (e.fund_class != 'untied' OR e.currency != 'EUR'))
        THEN 1 END), 0) AS misplaced
    FROM expense_shares s JOIN budget_expenses x ON x.id = s.expense_id
      LEFT JOIN ledger_entries e ON e.use_table = 'expense_shares' AND e.use_id = s.id
        AND e.deleted_at IS NULL
    WHERE s.deleted_at IS NULL
    GROUP BY s.id HAVING expected != booked OR posted != 1 OR misplaced > 0`.execute(db)
  for (const row of booked.rows) {
    problems.push({
      key: 'costSharing.check.ledger',
      params: { id: row.id, expected: row.expected, booked: row.booked },
    })
  }
  // A shared expense is paid by its live shares alone: the one fund that paid it before its
  // split was changed is reversed; so is every share a change archived, whatever it became.
  const stray = await sql<{ id: string; expected: number; booked: number }>`
    SELECT x.id, 0 AS expected, SUM(e.eur_minor) AS booked
    FROM budget_expenses x JOIN ledger_entries e
      ON e.source_table = 'budget_expenses' AND e.source_id = x.id AND e.deleted_at IS NULL
    WHERE EXISTS (SELECT 1 FROM expense_shares s WHERE s.expense_id = x.id AND s.deleted_at IS NULL)
      AND (e.use_table IS NULL OR e.use_table != 'expense_shares')
    GROUP BY x.id HAVING booked != 0
    UNION ALL
    SELECT s.id, 0 AS expected, SUM(e.eur_minor) AS booked
    FROM expense_shares s JOIN ledger_entries e
      ON e.use_table = 'expense_shares' AND e.use_id = s.id AND e.deleted_at IS NULL
    WHERE s.deleted_at IS NOT NULL
    GROUP BY s.id HAVING booked != 0`.execute(db)
  for (const row of stray.rows) {
    problems.push({ key: 'costSharing.check.ledger', params: { ...row } })
  }
  return problems
}
