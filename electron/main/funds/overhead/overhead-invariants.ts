import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema'
import { overheadCap, overheadPosition } from './overhead-position'
import type { CheckProblem } from '../../check/check-problem'

/**
 * Overhead recovery's invariants: each posting is in the ledger once — the agreement's expense
 * of its amount, the untied fund's income of its euro value — or, cancelled, reversed whole;
 * and what an agreement recovered never exceeds its rate of its eligible direct costs (a cap
 * exceeded after spending was cancelled is named: posting again brings it back down).
 */
export async function overheadProblems(db: Kysely<Database>): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = []
  const mismatched = await sql<{ id: string; expected: number; booked: number }>`
    SELECT o.id, CASE WHEN o.deleted_at IS NULL THEN o.amount_minor ELSE 0 END AS expected,
      COALESCE(SUM(CASE WHEN e.kind = 'expense' THEN e.amount_minor END), 0) AS booked,
      CASE WHEN o.deleted_at IS NULL THEN o.eur_minor ELSE 0 END AS expected_eur,
      COALESCE(SUM(CASE WHEN e.kind = 'expense' THEN e.eur_minor END), 0) AS booked_eur,
      COALESCE(SUM(CASE WHEN e.kind = 'other_income' THEN e.amount_minor END), 0) AS income,
      COALESCE(SUM(CASE WHEN e.kind = 'other_income' THEN e.eur_minor END), 0) AS income_eur,
      COALESCE(SUM(CASE WHEN e.kind NOT IN ('expense', 'other_income')
        OR (e.kind = 'expense' AND (e.agreement_id IS NOT o.agreement_id OR e.fund_class != 'tied'))
        OR (e.kind = 'other_income' AND (e.agreement_id IS NOT NULL OR e.fund_class != 'untied'
          OR e.currency != 'EUR')) THEN 1 END), 0) AS misplaced
    FROM overhead_recoveries o LEFT JOIN ledger_entries e
      ON e.source_table = 'overhead_recoveries' AND e.source_id = o.id
    GROUP BY o.id HAVING expected != booked OR expected_eur != booked_eur
      OR income != expected_eur OR income_eur != expected_eur OR misplaced > 0`.execute(db)
  for (const row of mismatched.rows) {
    problems.push({
      key: 'check.overheadLedger',
      params: { id: row.id, expected: row.expected, booked: row.booked },
    })
  }
  const agreements = await db
    .selectFrom('overhead_recoveries as o')
    .innerJoin('agreements as a', 'a.id', 'o.agreement_id')
    .select(['a.id', 'a.reference'])
    .where('o.deleted_at', 'is', null)
    .groupBy(['a.id', 'a.reference'])
    .execute()
  for (const agreement of agreements) {
    // Every posting to date, against the direct costs of every day: the whole ledger.
    const position = await overheadPosition(db, agreement.id, '9999-12-31')
    if (!position) continue
    const cap = overheadCap(position.directCosts, position.rateBp)
    if (position.posted > cap) {
      problems.push({
        key: 'check.overheadOverCap',
        params: { reference: agreement.reference, posted: position.posted, cap },
      })
    }
  }
  return problems
}
