import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema'
import type { CheckProblem } from './check-problem'

/**
 * The fund ledger's invariants: every figure of the application is a sum over the ledger, so
 * the ledger must agree with the records it comes from. Each violation is named.
 */
export async function ledgerProblems(db: Kysely<Database>): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = []

  const badReversals = await sql<{ id: string }>`
    SELECT r.id FROM ledger_entries r LEFT JOIN ledger_entries o ON o.id = r.reverses_id
    WHERE r.reverses_id IS NOT NULL AND (o.id IS NULL OR o.amount_minor != -r.amount_minor
      OR o.eur_minor != -r.eur_minor OR o.source_id != r.source_id OR o.kind != r.kind)`.execute(db)
  for (const row of badReversals.rows)
    problems.push({ key: 'check.badReversal', params: { id: row.id } })

  const receipts = await sql<{
    id: string
    expected: number
    booked: number
    expected_eur: number
    booked_eur: number
  }>`
    SELECT r.id,
      CASE WHEN r.deleted_at IS NULL THEN r.amount_minor ELSE 0 END AS expected,
      CASE WHEN r.deleted_at IS NULL THEN r.eur_minor ELSE 0 END AS expected_eur,
      COALESCE(SUM(e.amount_minor), 0) AS booked, COALESCE(SUM(e.eur_minor), 0) AS booked_eur
    FROM receipts r LEFT JOIN ledger_entries e
      ON e.source_table = 'receipts' AND e.source_id = r.id AND e.kind = 'receipt'
    GROUP BY r.id HAVING expected != booked OR expected_eur != booked_eur`.execute(db)
  for (const row of receipts.rows) {
    problems.push({
      key: 'check.receiptLedger',
      params: { id: row.id, expected: row.expected, booked: row.booked },
    })
  }

  const income = await sql<{ id: string; expected: number; booked: number }>`
    SELECT o.id, CASE WHEN o.deleted_at IS NULL THEN o.amount_minor ELSE 0 END AS expected,
      COALESCE(SUM(e.amount_minor), 0) AS booked
    FROM other_income o LEFT JOIN ledger_entries e
      ON e.source_table = 'other_income' AND e.source_id = o.id AND e.kind = 'other_income'
    GROUP BY o.id HAVING expected != booked`.execute(db)
  for (const row of income.rows) {
    problems.push({
      key: 'check.receiptLedger',
      params: { id: row.id, expected: row.expected, booked: row.booked },
    })
  }

  const commitments = await sql<{
    id: string
    reference: string
    expected: number
    booked: number
  }>`
    SELECT a.id, a.reference,
      a.amount_minor + COALESCE((SELECT SUM(m.amount_change_minor) FROM agreement_amendments m
        WHERE m.agreement_id = a.id AND m.deleted_at IS NULL), 0) AS expected,
      COALESCE((SELECT SUM(e.amount_minor) FROM ledger_entries e
        WHERE e.agreement_id = a.id AND e.kind = 'commitment'), 0) AS booked
    FROM agreements a WHERE expected != booked`.execute(db)
  for (const row of commitments.rows) {
    problems.push({
      key: 'check.commitmentLedger',
      params: { reference: row.reference, expected: row.expected, booked: row.booked },
    })
  }

  const mismatched = await sql<{ id: string }>`
    SELECT e.id FROM ledger_entries e JOIN agreements a ON a.id = e.agreement_id
    WHERE e.currency != a.currency
      OR e.fund_class != CASE a.earmarking WHEN 'untied' THEN 'untied' ELSE 'tied' END`.execute(db)
  for (const row of mismatched.rows)
    problems.push({ key: 'check.entryScope', params: { id: row.id } })

  const orphanTied = await sql<{ id: string }>`
    SELECT id FROM ledger_entries WHERE fund_class = 'tied' AND agreement_id IS NULL`.execute(db)
  for (const row of orphanTied.rows)
    problems.push({ key: 'check.tiedWithoutAgreement', params: { id: row.id } })

  const overAllocated = await sql<{ reference: string; committed: number; allocated: number }>`
    SELECT a.reference,
      SUM(CASE WHEN e.kind = 'commitment' THEN e.amount_minor ELSE 0 END) AS committed,
      SUM(CASE WHEN e.kind IN ('allocation', 'expense') THEN e.amount_minor ELSE 0 END)
        AS allocated
    FROM agreements a JOIN ledger_entries e ON e.agreement_id = a.id
    GROUP BY a.id HAVING allocated > committed`.execute(db)
  for (const row of overAllocated.rows) {
    problems.push({
      key: 'check.overAllocated',
      params: { reference: row.reference, committed: row.committed, allocated: row.allocated },
    })
  }
  return problems
}

/**
 * The Cooperation Fund's invariants: a committed financing line is allocated once for its
 * amount (less what an ending released), no line pays out more than it was allocated, and a
 * paid tranche is disbursed in the ledger for its euro value, an unpaid one not at all.
 */
export async function projectLedgerProblems(db: Kysely<Database>): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = []
  const lines = await sql<{
    id: string
    expected: number
    allocated: number
    disbursed: number
    released: number
  }>`
    SELECT l.id,
      CASE WHEN l.deleted_at IS NULL AND l.committed_on IS NOT NULL THEN l.amount_minor ELSE 0 END
        AS expected,
      COALESCE(SUM(CASE WHEN e.kind = 'allocation' AND e.source_table = 'financing_lines'
        THEN e.amount_minor ELSE 0 END), 0) AS allocated,
      COALESCE(SUM(CASE WHEN e.kind = 'allocation' AND e.source_table = 'project_transitions'
        THEN e.amount_minor ELSE 0 END), 0) AS released,
      COALESCE(SUM(CASE WHEN e.kind = 'disbursement' THEN e.amount_minor ELSE 0 END), 0)
        AS disbursed
    FROM financing_lines l LEFT JOIN ledger_entries e
      ON e.use_table = 'financing_lines' AND e.use_id = l.id
    GROUP BY l.id`.execute(db)
  for (const row of lines.rows) {
    if (Number(row.allocated) !== Number(row.expected)) {
      problems.push({
        key: 'check.lineLedger',
        params: { id: row.id, expected: row.expected, booked: row.allocated },
      })
    }
    const net = Number(row.allocated) + Number(row.released)
    if (Number(row.disbursed) > net) {
      problems.push({
        key: 'check.overDisbursed',
        params: { id: row.id, disbursed: row.disbursed, allocated: net },
      })
    }
  }
  const tranches = await sql<{ id: string; expected: number; booked: number }>`
    SELECT t.id,
      CASE WHEN t.deleted_at IS NULL AND t.status = 'paid' THEN t.paid_eur_minor ELSE 0 END
        AS expected,
      COALESCE(SUM(e.eur_minor), 0) AS booked
    FROM tranches t LEFT JOIN ledger_entries e
      ON e.source_table = 'tranches' AND e.source_id = t.id AND e.kind = 'disbursement'
    GROUP BY t.id HAVING expected != booked`.execute(db)
  for (const row of tranches.rows) {
    problems.push({
      key: 'check.trancheLedger',
      params: { id: row.id, expected: row.expected, booked: row.booked },
    })
  }
  return problems
}

/**
 * The dues' invariants: each payment booked once in the ledger as untied income (or reversed
 * when cancelled), no call settled beyond its amount, no payment settling more than it brought.
 */
export async function duesLedgerProblems(db: Kysely<Database>): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = []
  // Each payment's entries found by their source: the unary `+` keeps SQLite from choosing the
  // (fund, kind) index, which read every dues entry once per payment (46 s on twenty years).
  const payments = await sql<{ id: string; expected: number; booked: number }>`
    SELECT p.id, CASE WHEN p.deleted_at IS NULL THEN p.amount_minor ELSE 0 END AS expected,
      COALESCE(SUM(e.amount_minor), 0) AS booked
    FROM dues_payments p LEFT JOIN ledger_entries e
      ON e.source_table = 'dues_payments' AND e.source_id = p.id AND +e.kind = 'due_payment'
        AND +e.fund_class = 'untied'
    GROUP BY p.id HAVING expected != booked`.execute(db)
  for (const row of payments.rows) {
    problems.push({
      key: 'check.receiptLedger',
      params: { id: row.id, expected: row.expected, booked: row.booked },
    })
  }
  const calls = await sql<{ number: string; amount: number; settled: number }>`
    SELECT c.number, c.amount_minor AS amount, SUM(s.call_amount_minor) AS settled
    FROM dues_calls c JOIN dues_settlements s ON s.call_id = c.id AND s.deleted_at IS NULL
    GROUP BY c.id HAVING settled > amount`.execute(db)
  for (const row of calls.rows) {
    problems.push({
      key: 'check.callOverSettled',
      params: { number: row.number, amount: row.amount, settled: row.settled },
    })
  }
  const overspent = await sql<{ id: string; amount: number; settled: number }>`
    SELECT p.id, p.amount_minor AS amount, SUM(s.payment_amount_minor) AS settled
    FROM dues_payments p JOIN dues_settlements s ON s.payment_id = p.id AND s.deleted_at IS NULL
    GROUP BY p.id HAVING settled > amount OR (p.deleted_at IS NOT NULL AND settled > 0)`.execute(db)
  for (const row of overspent.rows) {
    problems.push({
      key: 'check.paymentOverSettled',
      params: { id: row.id, amount: row.amount, settled: row.settled },
    })
  }
  return problems
}
