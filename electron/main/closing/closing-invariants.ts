import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema'
import type { CheckProblem } from '../check/check-problem'
import { closingFigures } from '@shared/closing/closing-figures'
import {
  CLOSINGS,
  RULED_FIGURES,
  agreementHead,
  closingBasis,
  closingRule,
  frozenBasis,
} from './closing-statement'

/**
 * The closings' invariants (`aimf check`): a closing's figures are still those of the ledger
 * (nothing posted or cancelled on a closed agreement since), its final amount and refund follow
 * from its figures, its refund is in the ledger once (none for a reopened closing), the funder
 * was not paid beyond the final amount, and an agreement has one closing in force at most.
 */
export async function closingProblems(db: Kysely<Database>): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = []
  const closings = await db.selectFrom(CLOSINGS).selectAll().execute()
  const live = new Map<string, number>()
  for (const closing of closings) {
    const head = await agreementHead(db, closing.agreement_id)
    const reference = head?.reference ?? closing.agreement_id
    const booked = await sql<{ net: number | null }>`
      SELECT SUM(amount_minor) AS net FROM ledger_entries
      WHERE source_table = ${CLOSINGS} AND source_id = ${closing.id}`.execute(db)
    const refundBooked = -Number(booked.rows[0]?.net ?? 0)
    const expected = closing.deleted_at ? 0 : closing.refund_minor
    if (refundBooked !== expected) {
      problems.push({
        key: 'closing.check.refund',
        params: { reference, stored: expected, booked: refundBooked },
      })
    }
    if (closing.deleted_at || !head) continue
    live.set(head.id, (live.get(head.id) ?? 0) + 1)
    // Checked by the rule the closing was counted by (a closing made at the bank's rates keeps
    // them when its agreement's rule changes); when no rule gives its figures, by the
    // agreement's rule, each figure that differs said.
    const stored = frozenBasis(closing)
    const basis = (await closingRule(db, head, closing))?.basis ?? (await closingBasis(db, head))
    for (const what of RULED_FIGURES) {
      const value = stored[what]
      const computed = basis[what]
      if (computed !== value)
        problems.push({
          key: 'closing.check.figures',
          params: { reference, what, stored: value, computed },
        })
    }
    const figures = closingFigures({
      ...stored,
      received: closing.received_minor,
      cofinancingBp: closing.funder_share_bp === null ? null : 10_000 - closing.funder_share_bp,
    })
    for (const [what, value, computed] of [
      ['finalDue', closing.final_due_minor, figures.finalDue],
      ['refund', closing.refund_minor, figures.refund],
    ] as const) {
      if (computed !== value)
        problems.push({
          key: 'closing.check.figures',
          params: { reference, what, stored: value, computed },
        })
    }
    const net = await sql<{ net: number | null }>`
      SELECT SUM(amount_minor) AS net FROM ledger_entries
      WHERE deleted_at IS NULL AND agreement_id = ${head.id} AND kind = 'receipt'`.execute(db)
    const received = Number(net.rows[0]?.net ?? 0)
    if (received > closing.final_due_minor) {
      problems.push({
        key: 'closing.check.overReceived',
        params: { reference, received, due: closing.final_due_minor },
      })
    }
  }
  for (const [id, count] of live) {
    if (count > 1) {
      const head = await agreementHead(db, id)
      problems.push({ key: 'closing.check.twice', params: { reference: head?.reference ?? id } })
    }
  }
  return problems
}
