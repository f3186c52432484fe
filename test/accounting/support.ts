import { expect } from 'vitest'
import { deriveYear } from '../../electron/main/accounting/books'
import type { BookEntry } from '../../electron/main/accounting/book-entry'
import type { BudgetView } from '@shared/budget/schema'
import type { TestApp } from '../support/core'
import { found } from '../support/found'

/** Today for the derivations of the tests: every year up to 2025 is over. */
export const TODAY = '2026-06-30'

export async function booksOf(app: TestApp, year: number) {
  return deriveYear(app.core.requireSession().file.db, year, { today: TODAY, language: 'fr' })
}

/** A ledger entry's id, found by the record it comes from (its reversal with `reversal`). */
export async function ledgerIdOf(
  app: TestApp,
  table: string,
  id: string,
  options: { reversal?: boolean; index?: number } = {},
): Promise<string> {
  const rows = await app.core
    .requireSession()
    .file.db.selectFrom('ledger_entries')
    .select('id')
    .where('source_table', '=', table)
    .where('source_id', '=', id)
    .where('reverses_id', options.reversal ? 'is not' : 'is', null)
    .orderBy('id')
    .execute()
  return found(rows[options.index ?? 0], `${table} entry`).id
}

export function entryOf(entries: readonly BookEntry[], ledgerId: string): BookEntry {
  return found(
    entries.find((e) => e.origin.kind === 'ledger' && e.origin.ledgerId === ledgerId),
    `entry of ${ledgerId}`,
  )
}

/** An entry's lines as [account, debit, credit, amount in its currency] (euro cents). */
export function linesOf(entry: BookEntry): [string, number, number, string | null][] {
  return entry.lines.map((line) => [
    line.account,
    line.debit,
    line.credit,
    line.native ? `${line.native.minor} ${line.native.currency}` : null,
  ])
}

export function expectBalanced(entries: readonly BookEntry[]): void {
  for (const entry of entries) {
    const debit = entry.lines.reduce((s, l) => s + l.debit, 0)
    const credit = entry.lines.reduce((s, l) => s + l.credit, 0)
    expect(debit, `${entry.journal.code} ${entry.number}`).toBe(credit)
  }
}

/** A budget of a year with one operating expense line ('1.1'), funded by the given agreement. */
export async function budgetLine(app: TestApp, year: number, agreementId: string | null) {
  const created = await app.ok('budget.create', { year })
  const versionId = created.version.id
  const save = (item: Record<string, unknown>) =>
    app.ok('budget.saveItem', { versionId, ...item } as never) as Promise<BudgetView>
  const chapter = found(
    (
      await save({
        kind: 'chapter',
        code: '1',
        label: 'Fonctionnement',
        direction: 'expense',
        nature: 'operating',
      })
    ).items[0],
    'chapter',
  )
  const view = await save({
    parentId: chapter.id,
    kind: 'line',
    code: '1.1',
    label: 'Activités',
    direction: 'expense',
    nature: 'operating',
    planned: '100000',
    sources: [{ agreementId, amount: '100000' }],
  })
  return found(
    view.items.find((i) => i.code === '1.1'),
    'line',
  )
}

/** `aimf check` on the app's file, which is closed for it (the check opens it alone). */
export async function checkClosed(app: TestApp) {
  const { checkFile } = await import('../../electron/main/check/file-check')
  const path = app.core.requireSession().file.path
  await app.core.closeFile()
  return checkFile(path)
}
