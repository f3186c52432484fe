import { CompiledQuery, type Transaction } from 'kysely'
import { INSERTED_RECORD } from '../changelog/record-writer'
import type { Database } from '../db/schema'
import type { Incoming } from './change-rules'
import { groupBy } from './group-by'
import type { RecordState, Row } from './record-states'
import { refused } from './set-aside'
import { FULL_PERCENT_BP, MAX_SHARES } from '@shared/budget/cost-sharing'

/**
 * The shares a change file brings, checked at merge as the expense form checks them (migration
 * 18, budget/expense-shares.ts): each action that writes a split writes it whole — at least two
 * shares, at most twenty, adding up exactly to their expense in its currency and in euros (and
 * to 100 % when given in percentages) —, each on an agreement this copy has and that was not
 * archived before the share was made, on a heading that agreement has (none on the untied fund
 * or on an agreement without headings). A file that fails is set aside with the share named;
 * the ledger rules (ledger-rules.ts) then check each share's entry against it.
 */
export async function checkShares(
  trx: Transaction<Database>,
  records: ReadonlyMap<string, RecordState>,
  fresh: readonly Incoming[],
): Promise<void> {
  const inserted = fresh.filter(
    (c) => c.table_name === 'expense_shares' && c.column_name === INSERTED_RECORD,
  )
  if (inserted.length === 0) return
  const lookup = new Lookup(trx, records)
  for (const changes of groupBy(inserted, (c) => c.tx_id).values()) {
    const shares = changes
      .map((c) => ({ change: c, row: records.get(`expense_shares|${c.row_id}`)?.settled ?? null }))
      .filter((s): s is { change: Incoming; row: Row } => s.row !== null)
    for (const { change, row } of shares) await checkShareFund(lookup, change, row)
    for (const split of groupBy(shares, (s) => String(s.row.expense_id)).values()) {
      await checkSplit(
        lookup,
        split.map((s) => s.row),
      )
    }
  }
}

async function checkShareFund(lookup: Lookup, change: Incoming, share: Row): Promise<void> {
  const where = { row: change.row_id }
  const heading = share.heading_code === null ? null : String(share.heading_code)
  if (share.agreement_id === null) {
    if (heading !== null) throw refused('sync.refused.shareHeading', { ...where, heading })
    return
  }
  const agreementId = String(share.agreement_id)
  const agreement = await lookup.row('agreements', agreementId)
  if (!agreement) throw refused('sync.refused.shareAgreement', { ...where, agreement: agreementId })
  const archivedAt = await lookup.archivedStamp('agreements', agreementId)
  if (archivedAt !== null && archivedAt < change.hlc) {
    throw refused('sync.refused.shareAgreementArchived', {
      ...where,
      reference: String(agreement.reference),
    })
  }
  const codes = await lookup.headings(agreementId)
  const known = codes.length === 0 ? heading === null : codes.includes(heading ?? '')
  if (!known) {
    throw refused('sync.refused.shareHeading', {
      ...where,
      heading: heading ?? '—',
      reference: String(agreement.reference),
    })
  }
}

/** One action's split of one expense: whole, adding up to the expense. */
async function checkSplit(lookup: Lookup, shares: readonly Row[]): Promise<void> {
  const expenseId = String(shares[0]?.expense_id ?? '')
  const expense = await lookup.row('budget_expenses', expenseId)
  const where = { row: expenseId }
  if (!expense) throw refused('sync.refused.shareSum', { ...where, amount: 0, eur: 0 })
  const amount = shares.reduce((sum, s) => sum + Number(s.amount_minor), 0)
  const eur = shares.reduce((sum, s) => sum + Number(s.eur_minor), 0)
  const percents = shares.map((s) => s.percent_bp)
  const percentSum = percents.reduce<number>((sum, p) => sum + Number(p ?? 0), 0)
  const byPercent = percents.every((p) => p !== null)
  if (
    shares.length < 2 ||
    shares.length > MAX_SHARES ||
    amount !== Number(expense.amount_minor) ||
    eur !== Number(expense.eur_minor) ||
    (byPercent && percentSum !== FULL_PERCENT_BP) ||
    (!byPercent && percents.some((p) => p !== null))
  ) {
    throw refused('sync.refused.shareSum', { ...where, amount, eur })
  }
}

/** Records as merged: the file's, else this copy's; agreements' headings and archiving. */
class Lookup {
  constructor(
    private readonly trx: Transaction<Database>,
    private readonly records: ReadonlyMap<string, RecordState>,
  ) {}

  async row(table: 'agreements' | 'budget_expenses', id: string): Promise<Row | null> {
    const record = this.records.get(`${table}|${id}`)
    if (record) return record.settled
    const found = await this.trx.executeQuery<Row>(
      CompiledQuery.raw(`SELECT * FROM "${table}" WHERE id = ?`, [id]),
    )
    return found.rows[0] ?? null
  }

  /** The stamp of the archiving in force of a record, here or in the file; null if live. */
  async archivedStamp(table: string, id: string): Promise<string | null> {
    const record = this.records.get(`${table}|${id}`)
    if (record) {
      if (record.settled?.deleted_at === null) return null
      return record.log.findLast((c) => c.column_name === 'deleted_at')?.hlc ?? ''
    }
    const found = await this.trx.executeQuery<{ hlc: string | null; deleted_at: string | null }>(
      CompiledQuery.raw(
        `SELECT t.deleted_at, (SELECT max(c.hlc) FROM change_log c WHERE c.table_name = ?
           AND c.row_id = t.id AND c.column_name = 'deleted_at') AS hlc
         FROM "${table}" t WHERE t.id = ?`,
        [table, id],
      ),
    )
    const row = found.rows[0]
    return row && row.deleted_at !== null ? (row.hlc ?? '') : null
  }

  /** The live heading codes of an agreement, as merged. */
  async headings(agreementId: string): Promise<string[]> {
    const found = await this.trx.executeQuery<Row>(
      CompiledQuery.raw(
        `SELECT id, code, deleted_at, agreement_id FROM agreement_headings WHERE agreement_id = ?`,
        [agreementId],
      ),
    )
    const rows = new Map(found.rows.map((r) => [String(r.id), r]))
    for (const record of this.records.values()) {
      if (record.table.name === 'agreement_headings' && record.settled)
        rows.set(record.id, record.settled)
    }
    return [...rows.values()]
      .filter((r) => r.agreement_id === agreementId && r.deleted_at === null)
      .map((r) => String(r.code))
  }
}
