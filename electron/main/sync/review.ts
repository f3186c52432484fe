import { accountingProblems } from '../accounting/accounting-check'
import { today } from '@shared/validation/dates'
import { randomUUID } from 'node:crypto'
import {
  duesLedgerProblems,
  ledgerProblems,
  projectLedgerProblems,
} from '../check/ledger-invariants'
import { duplicateProblems } from '../check/duplicate-invariants'
import type { DataFile } from '../db/data-file'
import type { SyncConflictsTable } from '../db/schema'
import { AppFailure } from '../failure'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import { formatDate } from '@shared/i18n/format-dates'
import { formatMoney } from '@shared/money/format'
import type { CurrencyCode } from '@shared/money/currencies'
import type { DuplicatePair, SyncConflict } from '@shared/sync/schema'
import { duplicateRecords, findDuplicates, isDuplicateTable } from './duplicates'
import { isLedgerBound } from './money-records'
import { recordLabel } from './record-labels'

/** How a money record entered twice is cancelled: the core's own cancellation, with a reason. */
export interface Cancellers {
  receipts: { cancel(id: string, reason: string, author: string): Promise<unknown> }
  duesPayments: { cancel(id: string, reason: string, author: string): Promise<unknown> }
}

/**
 * « À vérifier »: what a merge kept that a person should look at — a field changed on both
 * sides, a record archived on one side and edited on the other, what the merge broke in the
 * accounts, and money events entered on two copies — and the ways out of each.
 */
export class SyncReview {
  constructor(
    private readonly file: DataFile,
    private readonly language: () => Language,
  ) {}

  /** What is listed for review, the newest first. */
  async conflicts(includeResolved = false): Promise<SyncConflict[]> {
    let query = this.file.db.selectFrom('sync_conflicts').selectAll().orderBy('found_at', 'desc')
    if (!includeResolved) query = query.where('resolved_at', 'is', null)
    const conflicts = await query.execute()
    return Promise.all(
      conflicts.map(async (conflict) => ({
        ...conflict,
        record:
          conflict.table_name && conflict.row_id
            ? await recordLabel(this.file.db, conflict.table_name, conflict.row_id)
            : null,
        duplicate: await this.pairOf(conflict),
      })),
    )
  }

  /**
   * Closes a review: keeping what the merge kept, or taking the other value — written as a new
   * change, which every copy then receives and which wins (it is the latest). A value the core
   * only changes with its ledger entries (an amount, a payment, a cancellation) is not taken
   * this way: the record's own action does it.
   */
  async resolve(id: string, choice: 'kept' | 'other', author: string): Promise<void> {
    await this.file.write(author, async (writer) => {
      const conflict = await writer.trx
        .selectFrom('sync_conflicts')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      if (!conflict || conflict.resolved_at) throw new AppFailure('NOT_FOUND')
      const table = conflict.table_name
      if (choice === 'other' && table && conflict.row_id && conflict.column_name) {
        if (isLedgerBound(table, conflict.column_name)) {
          throw new AppFailure('CONFLICT', 'errors.syncResolveMoney')
        }
        const value = JSON.parse(conflict.other_value ?? 'null') as string | number | null
        if (conflict.column_name === 'deleted_at') {
          if (value === null) await writer.restore(table as never, conflict.row_id)
          else await writer.archive(table as never, conflict.row_id)
        } else {
          await writer.update(table as never, conflict.row_id, { [conflict.column_name]: value })
        }
      }
      await writer.trx
        .updateTable('sync_conflicts')
        .set({ resolved_at: new Date().toISOString(), resolution: choice })
        .where('id', '=', id)
        .execute()
    })
  }

  /**
   * Cancels one record of a pair entered on two copies, by the core's own cancellation (archived,
   * its ledger entry reversed, the reason in its note), and closes the review.
   */
  async cancelDuplicate(
    id: string,
    recordId: string,
    author: string,
    cancellers: Cancellers,
  ): Promise<void> {
    const row = await this.file.db
      .selectFrom('sync_conflicts')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    const pair = row && !row.resolved_at ? await this.pairOf(row) : null
    const chosen = pair?.records.find((r) => r.id === recordId)
    const other = pair?.records.find((r) => r.id !== recordId)
    if (!pair || !chosen || !other) throw new AppFailure('NOT_FOUND')
    const reason = translate(this.language(), 'sync.duplicateReason', {
      author: other.author,
      when: formatDate(other.enteredAt.slice(0, 10), this.language()),
    })
    const canceller = pair.table === 'receipts' ? cancellers.receipts : cancellers.duesPayments
    await canceller.cancel(recordId, reason, author)
    await this.file.write(author, async (writer) => {
      await writer.trx
        .updateTable('sync_conflicts')
        .set({ resolved_at: new Date().toISOString(), resolution: `cancelled:${recordId}` })
        .where('id', '=', id)
        .execute()
    })
  }

  /**
   * The accounts after a merge (`aimf check`'s invariants): what the merge alone broke — two
   * offline allocations that together exceed an agreement, a tranche paid twice, one code given
   * by two copies — is listed for review with its figures, once; and each money event entered on
   * two copies, with both records. Returns how many were listed.
   */
  async checkAccounts(): Promise<number> {
    const db = this.file.db
    const problems = [
      ...(await ledgerProblems(db)),
      ...(await projectLedgerProblems(db)),
      ...(await duesLedgerProblems(db)),
      ...(await duplicateProblems(db)),
      // Closed periods: an entry that came after a closing, closings made on two copies.
      ...(await accountingProblems(db, { today: today(), structure: false })),
    ]
    const listed = await db
      .selectFrom('sync_conflicts')
      .select(['id', 'kind', 'detail', 'table_name', 'row_id', 'other_value', 'resolved_at'])
      .where('kind', '=', 'accounts')
      .execute()
    await this.closeSettledPairs(listed.filter((c) => !c.resolved_at))
    const open = new Set(listed.filter((c) => !c.resolved_at).map((c) => c.detail))
    // A pair is listed once, even after a person closed it ("both are real").
    const pairs = new Set(listed.map((c) => `${c.table_name}|${c.row_id}|${c.other_value}`))
    const found: Partial<SyncConflictsTable>[] = []
    for (const problem of problems) {
      const detail = translate(this.language(), problem.key, plainParams(problem.params))
      if (!open.has(detail)) found.push({ detail })
    }
    for (const pair of await findDuplicates(db)) {
      const [first, second] = pair.records
      const row = {
        table_name: pair.table,
        row_id: first.id,
        other_value: JSON.stringify(second.id),
      }
      if (pairs.has(`${row.table_name}|${row.row_id}|${row.other_value}`)) continue
      found.push({ ...row, detail: this.duplicateDetail(pair) })
    }
    if (found.length === 0) return 0
    await this.file.write('sync', async (writer) => {
      for (const values of found) {
        await writer.trx
          .insertInto('sync_conflicts')
          .values({
            id: randomUUID(),
            found_at: new Date().toISOString(),
            kind: 'accounts',
            table_name: null,
            row_id: null,
            column_name: null,
            kept_value: null,
            kept_hlc: null,
            kept_author: null,
            other_value: null,
            other_hlc: null,
            other_author: null,
            detail: null,
            resolved_at: null,
            resolution: null,
            ...values,
          })
          .execute()
      }
    })
    return found.length
  }

  /**
   * A pair one of whose records another copy has cancelled (in its own « À vérifier », or in the
   * record's page) is settled here too: its review closes, naming the record cancelled.
   */
  private async closeSettledPairs(
    open: Pick<SyncConflictsTable, 'id' | 'kind' | 'table_name' | 'row_id' | 'other_value'>[],
  ): Promise<void> {
    const settled: { id: string; resolution: string }[] = []
    for (const conflict of open) {
      const cancelled = (await this.pairOf(conflict))?.records.find((r) => r.cancelled)
      if (cancelled) settled.push({ id: conflict.id, resolution: `cancelled:${cancelled.id}` })
    }
    if (settled.length === 0) return
    await this.file.write('sync', async (writer) => {
      for (const { id, resolution } of settled) {
        await writer.trx
          .updateTable('sync_conflicts')
          .set({ resolved_at: new Date().toISOString(), resolution })
          .where('id', '=', id)
          .execute()
      }
    })
  }

  private duplicateDetail(pair: DuplicatePair): string {
    const [first] = pair.records
    const language = this.language()
    return translate(
      language,
      pair.table === 'receipts' ? 'sync.duplicateReceipt' : 'sync.duplicatePayment',
      {
        label: first.label,
        date: formatDate(first.date, language),
        amount: formatMoney(
          { minor: first.amountMinor, currency: first.currency as CurrencyCode },
          language,
        ),
      },
    )
  }

  /** The two records a review of a duplicate names, as they stand now. */
  private async pairOf(
    conflict: Pick<SyncConflictsTable, 'kind' | 'table_name' | 'row_id' | 'other_value'>,
  ): Promise<DuplicatePair | null> {
    const table = conflict.table_name
    if (conflict.kind !== 'accounts' || !isDuplicateTable(table) || !conflict.row_id) return null
    const other = JSON.parse(conflict.other_value ?? 'null') as unknown
    if (typeof other !== 'string') return null
    const records = await duplicateRecords(this.file.db, table, [conflict.row_id, other])
    return records ? { table, records } : null
  }
}

function plainParams(params: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))
}
