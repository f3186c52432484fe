import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { EXPENSE_SHARES } from '../budget/expense-share-list'
import type { DataFile } from '../db/data-file'
import { reverseEntries } from '../funds/ledger'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import { groupBy } from './group-by'

/** A live share of an expense, with the action that wrote it. */
interface LiveShare {
  id: string
  expense_id: string
  description: string
  cancelled: number
  hlc: string
  tx_id: string
  author: string
}

/**
 * One expense's split changed on two copies offline: each copy reversed the old entries (the
 * same reversals, merge.ts) and posted its own shares, so after the merge the expense is paid
 * twice. The latest change wins, by the stamp of the action that wrote its shares; the shares
 * of every other action are archived and their entries reversed — a correction each copy
 * derives alike, under the reversals' derived ids, so the two copies' corrections merge into
 * one. A cancelled expense keeps no live share. Each correction is listed in « À vérifier »,
 * so that the person whose split was overridden sees it. Returns how many were listed.
 */
export async function correctConcurrentSplits(file: DataFile, language: Language): Promise<number> {
  const live = await sql<LiveShare>`
    SELECT s.id, s.expense_id, e.description, e.cancel_reason IS NOT NULL AS cancelled,
      c.hlc, c.tx_id, c.author
    FROM expense_shares s
    JOIN budget_expenses e ON e.id = s.expense_id
    JOIN change_log c ON c.table_name = 'expense_shares' AND c.row_id = s.id
      AND c.column_name = '*'
    WHERE s.deleted_at IS NULL`.execute(file.db)
  const superseded: { shares: LiveShare[]; kept: LiveShare | null }[] = []
  for (const shares of groupBy(live.rows, (s) => s.expense_id).values()) {
    const first = shares[0]
    if (!first) continue
    if (first.cancelled) {
      superseded.push({ shares, kept: null })
      continue
    }
    const latest = shares.reduce((a, b) => (a.hlc > b.hlc ? a : b))
    const others = shares.filter((s) => s.tx_id !== latest.tx_id)
    if (others.length > 0) superseded.push({ shares: others, kept: latest })
  }
  if (superseded.length === 0) return 0
  await file.write('sync', async (writer) => {
    for (const { shares, kept } of superseded) {
      const expense = shares[0] as LiveShare
      const overridden = shares.reduce((a, b) => (a.hlc > b.hlc ? a : b))
      const detail = translate(language, kept ? 'sync.splitOverridden' : 'sync.splitCancelled', {
        label: expense.description,
        author: overridden.author,
        kept: kept?.author ?? '',
      })
      const open = await writer.trx
        .selectFrom('ledger_entries as e')
        .selectAll('e')
        .where('e.use_table', '=', EXPENSE_SHARES)
        .where(
          'e.use_id',
          'in',
          shares.map((s) => s.id),
        )
        .where('e.reverses_id', 'is', null)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('ledger_entries as r')
                .select('r.id')
                .whereRef('r.reverses_id', '=', 'e.id'),
            ),
          ),
        )
        .orderBy('e.id')
        .execute()
      await reverseEntries(writer, open, detail)
      for (const share of shares) await writer.archive(EXPENSE_SHARES, share.id)
      await writer.trx
        .insertInto('sync_conflicts')
        .values({
          id: randomUUID(),
          found_at: new Date().toISOString(),
          kind: 'accounts',
          table_name: 'budget_expenses',
          row_id: expense.expense_id,
          column_name: null,
          kept_value: null,
          kept_hlc: kept?.hlc ?? null,
          kept_author: kept?.author ?? null,
          other_value: null,
          other_hlc: overridden.hlc,
          other_author: overridden.author,
          detail,
          resolved_at: null,
          resolution: null,
        })
        .execute()
    }
  })
  return superseded.length
}
