import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { CheckProblem } from '../check/check-problem'
import { money } from '@shared/money/money'
import type { BookEntry } from './book-entry'
import { booksContext, deriveYear, firstLedgerYear } from './books'
import { type Closures, loadClosures } from './closures'
import { booksDigest } from './digest'

/** At most this many problems of one kind are named; the count says the rest. */
const NAMED = 20

/**
 * The books' invariants (`aimf check`): every entry balanced, every ledger event in exactly one
 * entry, each journal numbered 1, 2, 3… without a gap in each year; and each closed period's
 * books still those it was closed with, nothing dated in it that came after its closing left
 * unsaid. `structure: false` checks the closings only (after a sync: the rest holds by
 * construction, and deriving every year would slow every merge).
 */
export async function accountingProblems(
  db: Kysely<Database>,
  options: { today: string; structure: boolean },
): Promise<CheckProblem[]> {
  const closures = await loadClosures(db)
  const problems: CheckProblem[] = []
  problems.push(...(await closureProblems(db, closures)))
  if (!options.structure && closures.list.length === 0) return problems

  const first = await firstLedgerYear(db)
  if (first === null) return problems
  const lastEntry = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.max('entry_date').as('last'))
    .executeTakeFirst()
  let last = Number(String(lastEntry?.last ?? `${first}`).slice(0, 4))
  for (const day of closures.movedEntries.values()) last = Math.max(last, Number(day.slice(0, 4)))
  const lastClosed = closures.closedThrough
  const closedYear = Number((lastClosed ?? `${first}`).slice(0, 4))
  const through = options.structure ? Math.max(last, closedYear) : closedYear
  const deriveOptions = { today: options.today, language: 'fr' as const }
  const context = await booksContext(db, Math.max(through, first), deriveOptions, closures)
  const all: BookEntry[] = []
  for (let year = first; year <= through; year += 1) {
    all.push(...(await deriveYear(db, year, deriveOptions, context)).entries)
  }
  if (options.structure) problems.push(...(await structureProblems(db, all)))

  for (const [index, closure] of closures.list.entries()) {
    const after = closures.list[index - 1]?.closesThrough ?? ''
    const inRange = all.filter((e) => e.date > after && e.date <= closure.closesThrough)
    const now = booksDigest(inRange)
    if (now.digest === closure.digest) continue
    problems.push(changedClosing(closure.closesThrough, closure.journals, now.journals))
  }
  return problems
}

async function closureProblems(db: Kysely<Database>, closures: Closures): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = []
  for (const [index, closure] of closures.list.entries()) {
    const before = closures.list[index - 1]
    if ((before?.closesThrough ?? null) !== closure.previousThrough) {
      problems.push({
        key: 'accounting.check.closuresOverlap',
        params: {
          through: closure.closesThrough,
          previous: closure.previousThrough ?? '—',
          other: before?.closesThrough ?? '—',
        },
      })
    }
  }
  const through = closures.closedThrough ?? ''
  for (const id of closures.currentlyLate.slice(0, NAMED)) {
    const row = await db
      .selectFrom('ledger_entries')
      .select('entry_date')
      .where('id', '=', id)
      .executeTakeFirst()
    problems.push({
      key: 'accounting.check.lateEntry',
      params: {
        id,
        date: row?.entry_date ?? '',
        through,
        booked: closures.bookedOn(id, row?.entry_date ?? ''),
      },
    })
  }
  return problems
}

async function structureProblems(
  db: Kysely<Database>,
  entries: readonly BookEntry[],
): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = []
  const numbers = new Map<string, number[]>()
  const perLedger = new Map<string, number>()
  let unbalanced = 0
  for (const entry of entries) {
    const debit = entry.lines.reduce((sum, l) => sum + l.debit, 0)
    const credit = entry.lines.reduce((sum, l) => sum + l.credit, 0)
    if (debit !== credit && unbalanced++ < NAMED) {
      problems.push({
        key: 'accounting.check.unbalanced',
        params: {
          journal: entry.journal.code,
          number: entry.number,
          date: entry.date,
          debit: money(debit, 'EUR'),
          credit: money(credit, 'EUR'),
        },
      })
    }
    const key = `${entry.journal.code}|${entry.date.slice(0, 4)}`
    numbers.set(key, [...(numbers.get(key) ?? []), entry.number])
    if (entry.origin.kind === 'ledger') {
      perLedger.set(entry.origin.ledgerId, (perLedger.get(entry.origin.ledgerId) ?? 0) + 1)
    }
  }
  for (const [key, list] of numbers) {
    const sorted = [...list].sort((a, b) => a - b)
    const gap = sorted.findIndex((n, i) => n !== i + 1)
    if (gap === -1) continue
    const [journal = '', year = ''] = key.split('|')
    problems.push({
      key: 'accounting.check.numbering',
      params: { journal, year, detail: `${gap + 1} → ${sorted[gap] ?? '?'}` },
    })
  }
  let miscounted = 0
  for (const row of await db.selectFrom('ledger_entries').select('id').execute()) {
    const count = perLedger.get(row.id) ?? 0
    perLedger.delete(row.id)
    if (count !== 1 && miscounted++ < NAMED) {
      problems.push({ key: 'accounting.check.entryCount', params: { id: row.id, count } })
    }
  }
  for (const [id, count] of perLedger) {
    if (miscounted++ < NAMED)
      problems.push({ key: 'accounting.check.entryCount', params: { id, count } })
  }
  return problems
}

interface JournalTotals {
  code: string
  entries: number
  debit: number
  credit: number
  lastNumber: number
}

/**
 * The first journal whose totals differ from the closing's, its figures then and now as amounts
 * the message formats in the reader's language; or, when every total is the same, that the
 * entries' content changed.
 */
export function changedClosing(
  through: string,
  kept: readonly JournalTotals[],
  now: readonly JournalTotals[],
): CheckProblem {
  for (const journal of new Set([...kept.map((j) => j.code), ...now.map((j) => j.code)])) {
    const a = kept.find((j) => j.code === journal)
    const b = now.find((j) => j.code === journal)
    if (
      a?.entries !== b?.entries ||
      a?.debit !== b?.debit ||
      a?.credit !== b?.credit ||
      a?.lastNumber !== b?.lastNumber
    ) {
      return {
        key: 'accounting.check.closedChanged',
        params: {
          through,
          journal,
          entriesBefore: a?.entries ?? 0,
          debitBefore: money(a?.debit ?? 0, 'EUR'),
          creditBefore: money(a?.credit ?? 0, 'EUR'),
          entriesAfter: b?.entries ?? 0,
          debitAfter: money(b?.debit ?? 0, 'EUR'),
          creditAfter: money(b?.credit ?? 0, 'EUR'),
        },
      }
    }
  }
  return { key: 'accounting.check.closedContentChanged', params: { through } }
}
