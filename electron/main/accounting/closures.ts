import type { DataFile } from '../db/data-file'
import type { JournalSummary } from '@shared/accounting/schema'
import type { Frozen } from './frozen-record'

export interface Closure {
  id: string
  closesThrough: string
  previousThrough: string | null
  closedOn: string
  entryCount: number
  journals: JournalSummary[]
  digest: string
  note: string | null
  lateIds: string[]
  frozen: Frozen
}

/** The day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

/**
 * The closed periods of a file, and the day each ledger entry is booked on. An entry is booked
 * on its own date, except one dated in a closed period that the closing did not include — an
 * entry synced in from a copy that had not heard of the closing: it is booked on the first open
 * day (the closed books never change), and listed for review until a later closing takes it in.
 */
export class Closures {
  constructor(
    /** The closings in force, oldest first. */
    readonly list: readonly Closure[],
    /** Every entry booked on another day than its own date, with that day. */
    private readonly moved: ReadonlyMap<string, string>,
    /** Those of them no closing has taken in yet. */
    readonly currentlyLate: readonly string[],
  ) {}

  get closedThrough(): string | null {
    return this.list.at(-1)?.closesThrough ?? null
  }

  /** The first day that can still receive entries; null when nothing is closed. */
  get firstOpenDay(): string | null {
    const through = this.closedThrough
    return through === null ? null : nextDay(through)
  }

  bookedOn(id: string, entryDate: string): string {
    return this.moved.get(id) ?? entryDate
  }

  /** The entries booked on another day than their date, with that day. */
  get movedEntries(): ReadonlyMap<string, string> {
    return this.moved
  }

  /** The closing that closed a booked day, if any. */
  closureOf(day: string): Closure | undefined {
    return this.list.find((c) => day <= c.closesThrough && (c.previousThrough ?? '') < day)
  }
}

export async function closedThrough(db: DataFile['db']): Promise<string | null> {
  const row = await db
    .selectFrom('period_closures')
    .select((eb) => eb.fn.max('closes_through').as('through'))
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return (row?.through as string | null | undefined) ?? null
}

/** Reads the closings in force and finds the entries booked on another day than their date. */
export async function loadClosures(db: DataFile['db']): Promise<Closures> {
  const rows = await db
    .selectFrom('period_closures')
    .select([
      'id',
      'closes_through',
      'previous_through',
      'closed_on',
      'entry_count',
      'journals',
      'digest',
      'note',
      'late_ids',
      'frozen',
    ])
    .where('deleted_at', 'is', null)
    .orderBy('closes_through')
    .orderBy('id')
    .execute()
  const list: Closure[] = rows.map((row) => ({
    id: row.id,
    closesThrough: row.closes_through,
    previousThrough: row.previous_through,
    closedOn: row.closed_on,
    entryCount: row.entry_count,
    journals: JSON.parse(row.journals) as JournalSummary[],
    digest: row.digest,
    note: row.note,
    lateIds: idsOf(row.late_ids),
    frozen: JSON.parse(row.frozen) as Frozen,
  }))
  const moved = new Map<string, string>()
  for (const [index, closure] of list.entries()) {
    const before = list[index - 1]
    if (!before) continue
    for (const id of closure.lateIds) moved.set(id, nextDay(before.closesThrough))
  }
  const last = list.at(-1)
  if (!last) return new Closures(list, moved, [])
  // Every entry dated in a closed period belongs to exactly one closing, unless it came later:
  // the counts tell at once whether there is any such entry, the ids which ones.
  const counted = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('entry_date', '<=', last.closesThrough)
    .executeTakeFirstOrThrow()
  const closed = list.reduce((sum, c) => sum + c.entryCount, 0)
  if (Number(counted.n) === closed) return new Closures(list, moved, [])
  const members = new Set<string>()
  for (const row of await db
    .selectFrom('period_closures')
    .select('ledger_ids')
    .where('deleted_at', 'is', null)
    .execute()) {
    for (const id of idsOf(row.ledger_ids)) members.add(id)
  }
  const late: string[] = []
  for (const row of await db
    .selectFrom('ledger_entries')
    .select('id')
    .where('entry_date', '<=', last.closesThrough)
    .execute()) {
    if (members.has(row.id)) continue
    late.push(row.id)
    moved.set(row.id, nextDay(last.closesThrough))
  }
  return new Closures(list, moved, late.sort())
}

export function idsOf(text: string): string[] {
  return text === '' ? [] : text.split('\n')
}
