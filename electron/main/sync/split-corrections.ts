import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { EXPENSE_SHARES } from '../budget/expense-share-list'
import type { DataFile } from '../db/data-file'
import { reverseEntries } from '../funds/ledger'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import { groupBy } from './group-by'
import { payerAsOf } from './payer-columns'

/** An open entry of an expense (posted, not reversed), with the action that posted it. */
interface OpenEntry {
  id: string
  expense_id: string
  use_table: string | null
  use_id: string | null
  description: string
  cancelled: number
  hlc: string
  tx_id: string
  author: string
}

/**
 * One expense's payment changed on two copies offline — its split, or the one fund paying it —
 * or changed on one copy while the other cancelled it: each copy reversed the old entries (the
 * same reversals, merge.ts) and posted its own payment, so after the merge the expense is paid
 * twice. The latest payment wins, by the stamp of the action that posted it; every other action's
 * entries are reversed and its shares archived, and the expense's paying fund and heading are
 * set back to what they are without the overridden actions — a correction each copy derives
 * alike, under the reversals' derived ids, so the two copies' corrections merge into one (the
 * ledger rules take it as a correction, payment-corrections.ts). A cancelled expense keeps no
 * open entry. Each correction is listed in « À vérifier », so that the person whose payment was
 * overridden sees it. Returns how many were listed.
 */
export async function correctConcurrentSplits(file: DataFile, language: Language): Promise<number> {
  const open = await sql<OpenEntry>`
    WITH open AS (
      SELECT e.id, e.source_id AS expense_id, e.use_table, e.use_id, c.hlc, c.tx_id, c.author
      -- The expenses' entries first (by the source's index), then each one's insert in the log.
      FROM ledger_entries e
      CROSS JOIN change_log c ON c.table_name = 'ledger_entries' AND c.row_id = e.id
        AND c.column_name = '*'
      WHERE e.source_table = 'budget_expenses' AND e.reverses_id IS NULL
        AND e.deleted_at IS NULL
        -- A reversal comes from the record its entry does: found by the source's index.
        AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.source_table = e.source_table
          AND r.source_id = e.source_id AND r.reverses_id = e.id))
    SELECT o.*, x.description, x.cancel_reason IS NOT NULL AS cancelled
    FROM open o JOIN budget_expenses x ON x.id = o.expense_id
    WHERE x.deleted_at IS NULL AND (x.cancel_reason IS NOT NULL OR o.expense_id IN (
      SELECT expense_id FROM open GROUP BY expense_id HAVING COUNT(DISTINCT tx_id) > 1))
    ORDER BY o.id`.execute(file.db)
  const superseded: { entries: OpenEntry[]; kept: OpenEntry | null }[] = []
  for (const entries of groupBy(open.rows, (e) => e.expense_id).values()) {
    const first = entries[0]
    if (!first) continue
    if (first.cancelled) {
      superseded.push({ entries, kept: null })
      continue
    }
    const latest = entries.reduce((a, b) => (a.hlc > b.hlc ? a : b))
    const others = entries.filter((e) => e.tx_id !== latest.tx_id)
    if (others.length > 0) superseded.push({ entries: others, kept: latest })
  }
  if (superseded.length === 0) return 0
  await file.write('sync', async (writer) => {
    for (const { entries, kept } of superseded) {
      const expense = entries[0] as OpenEntry
      const overridden = entries.reduce((a, b) => (a.hlc > b.hlc ? a : b))
      const shared = entries.some((e) => e.use_table === EXPENSE_SHARES)
      const key = shared
        ? kept
          ? 'sync.splitOverridden'
          : 'sync.splitCancelled'
        : kept
          ? 'sync.fundOverridden'
          : 'sync.fundCancelled'
      const detail = translate(language, key, {
        label: expense.description,
        author: overridden.author,
        kept: kept?.author ?? '',
      })
      const rows = await writer.trx
        .selectFrom('ledger_entries')
        .selectAll()
        .where(
          'id',
          'in',
          entries.map((e) => e.id),
        )
        .orderBy('id')
        .execute()
      await reverseEntries(writer, rows, detail)
      for (const entry of entries) {
        if (entry.use_table === EXPENSE_SHARES && entry.use_id)
          await writer.archive(EXPENSE_SHARES, entry.use_id)
      }
      const current = await writer.trx
        .selectFrom('budget_expenses')
        .selectAll()
        .where('id', '=', expense.expense_id)
        .executeTakeFirstOrThrow()
      const losers = new Set(entries.map((e) => e.tx_id))
      const payer = await payerAsOf(writer.trx, expense.expense_id, losers, current)
      await writer.update('budget_expenses', expense.expense_id, { ...payer }, current)
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
