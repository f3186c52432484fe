import { sql } from 'kysely'
import type { RecordWriter } from '../changelog/record-writer'
import { fieldFailure } from '../failure'

/** A money event about to reach the ledger, as far as a closed agreement cares. */
export interface GuardedEntry {
  agreementId: string | null
  kind: string
  amountMinor: number
  sourceTable: string
}

/**
 * Refuses any money event on a closed agreement: its closing statement was established on the
 * ledger as it stood, so spending, commitments or cancellations after it would make the statement
 * sent untrue. Two events pass: the closing's own (its refund, and the reversal of that refund
 * when reopened), and the funder's last payment of what the statement left still to receive.
 * To change anything else, the agreement is reopened first (a reversal with its reason).
 */
export async function assertAgreementsOpen(
  writer: RecordWriter,
  entries: readonly GuardedEntry[],
): Promise<void> {
  const ids = [
    ...new Set(
      entries
        .filter((e) => e.agreementId !== null && e.sourceTable !== 'agreement_closings')
        .map((e) => e.agreementId as string),
    ),
  ]
  if (ids.length === 0) return
  // A file of an earlier schema written with today's ledger code (a migration's backfill, the
  // schema fixtures of `npm run fixtures`) has no closings, hence nothing closed.
  const table = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'agreement_closings'`.execute(
    writer.trx,
  )
  if (table.rows.length === 0) return
  const closed = await writer.trx
    .selectFrom('agreement_closings as c')
    .innerJoin('agreements as a', 'a.id', 'c.agreement_id')
    .select(['c.agreement_id', 'c.closed_on', 'c.final_due_minor', 'a.reference'])
    .where('c.deleted_at', 'is', null)
    .where('c.agreement_id', 'in', ids)
    .execute()
  if (closed.length === 0) return
  for (const closing of closed) {
    const own = entries.filter(
      (e) => e.agreementId === closing.agreement_id && e.sourceTable !== 'agreement_closings',
    )
    const refused = () =>
      fieldFailure('CONFLICT', 'agreementId', 'errors.agreementClosed', {
        reference: closing.reference,
        date: { day: closing.closed_on },
      })
    if (own.some((e) => e.kind !== 'receipt' || e.amountMinor <= 0)) throw refused()
    const received = await sql<{ net: number | null }>`
      SELECT SUM(amount_minor) AS net FROM ledger_entries
      WHERE deleted_at IS NULL AND agreement_id = ${closing.agreement_id}
        AND kind = 'receipt'`.execute(writer.trx)
    const room = closing.final_due_minor - Number(received.rows[0]?.net ?? 0)
    const paying = own.reduce((total, e) => total + e.amountMinor, 0)
    if (paying > room) throw refused()
  }
}
