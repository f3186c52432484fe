import { sql } from 'kysely'
import type { DataFile } from '../db/data-file'
import { divideHalfUp } from '@shared/money/decimal'
import type { Closures } from './closures'
import type { PostingUnit } from './postings'
import { type UnitRow, unitOf } from './units'

/**
 * What each receipt takes off its agreement's receivable, in euro cents. A subsidy is receivable
 * from its notification, at the euro value of its day; a receipt in another currency is worth
 * what the bank credited, and clears the receivable at the agreement's own rate — the
 * difference is an exchange gain or loss, a line of its own. So that a receivable fully received
 * is exactly cleared in euros too, each receipt clears the share of the euro value of the
 * commitments booked so far that the amounts received so far make of them, less what the
 * receipts before it cleared. The order is the booking order, so a closed period never
 * changes. A reversal clears back exactly what its receipt cleared.
 */
export interface Receivables {
  /** Each receipt's (and reversal's) clearing of the receivable, signed like its amount. */
  credits: ReadonlyMap<string, number>
  /** Every commitment and receipt booked up to the day asked, in booking order. */
  units: readonly PostingUnit[]
}

interface Row extends UnitRow {
  kind: 'commitment' | 'receipt'
  agreement_id: string
}

export async function receivablesThrough(
  db: DataFile['db'],
  closures: Closures,
  through: string,
): Promise<Receivables> {
  const result = await sql<Row>`
    SELECT e.id, e.kind, e.entry_date, e.fund_class, e.agreement_id, e.nature, e.amount_minor,
      e.currency, e.eur_minor, e.reverses_id, e.bank_account_id
    FROM ledger_entries e
    WHERE e.deleted_at IS NULL AND e.kind IN ('commitment', 'receipt')
      AND e.agreement_id IS NOT NULL
      AND e.entry_date <= ${through}`.execute(db)
  const units: PostingUnit[] = []
  for (const row of result.rows) {
    const unit = unitOf(row, closures)
    if (unit.bookedOn <= through) units.push(unit)
  }
  units.sort(bookingOrder)
  const credits = new Map<string, number>()
  const state = new Map<
    string,
    { committed: bigint; committedEur: bigint; received: bigint; cleared: number }
  >()
  for (const unit of units) {
    const id = unit.agreementId ?? ''
    const agreement = state.get(id) ?? { committed: 0n, committedEur: 0n, received: 0n, cleared: 0 }
    state.set(id, agreement)
    if (unit.kind === 'commitment') {
      agreement.committed += BigInt(unit.amount)
      agreement.committedEur += BigInt(unit.eur)
      continue
    }
    agreement.received += BigInt(unit.amount)
    let credit: number
    if (unit.reversesId !== null && credits.has(unit.reversesId)) {
      credit = -(credits.get(unit.reversesId) ?? 0)
    } else if (unit.currency === 'EUR' || agreement.committed <= 0n) {
      credit = unit.eur
    } else {
      const target = divideHalfUp(agreement.received * agreement.committedEur, agreement.committed)
      credit = Number(target) - agreement.cleared
    }
    agreement.cleared += credit
    credits.set(unit.id ?? '', credit)
  }
  return { credits, units }
}

/** Booking order: by day, commitments before receipts, a reversal after what it reverses. */
export function bookingOrder(a: PostingUnit, b: PostingUnit): number {
  if (a.bookedOn !== b.bookedOn) return a.bookedOn < b.bookedOn ? -1 : 1
  const rank = (u: PostingUnit) => (u.kind === 'commitment' ? 0 : 1) * 2 + (u.reversesId ? 1 : 0)
  if (rank(a) !== rank(b)) return rank(a) - rank(b)
  return (a.id ?? '') < (b.id ?? '') ? -1 : (a.id ?? '') > (b.id ?? '') ? 1 : 0
}
