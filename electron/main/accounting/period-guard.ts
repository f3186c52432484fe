import type { RecordWriter } from '../changelog/record-writer'
import { fieldFailure } from '../failure'
import { closedThrough, nextDay } from './closures'

/**
 * The field of each record that dates its ledger entries, to name it when the date falls in a
 * closed period (a caller may name another).
 */
const DATE_FIELDS: Readonly<Record<string, string>> = {
  receipts: 'receivedOn',
  other_income: 'receivedOn',
  dues_payments: 'receivedOn',
  budget_expenses: 'spentOn',
  tranches: 'paidOn',
  financing_lines: 'committedOn',
  agreements: 'signedOn',
  agreement_amendments: 'signedOn',
  project_transitions: 'onDate',
}

/** What each write already read of the closings: a transaction sees no closing made meanwhile. */
const known = new WeakMap<RecordWriter, string | null>()

/** The last closed day, as the write's transaction sees it (read once per write). */
export async function closedThroughFor(writer: RecordWriter): Promise<string | null> {
  if (known.has(writer)) return known.get(writer) ?? null
  const through = await closedThrough(writer.trx)
  known.set(writer, through)
  return through
}

/**
 * Every money write passes here, through the ledger's posting: an entry dated on or before the
 * last closed day is refused, naming the record's date field. A correction of a closed period
 * is recorded in the open one.
 */
export async function assertPeriodOpen(
  writer: RecordWriter,
  entries: readonly { entryDate: string; source: { table: string }; dateField?: string }[],
): Promise<void> {
  if (entries.length === 0) return
  const through = await closedThroughFor(writer)
  if (through === null) return
  for (const entry of entries) {
    if (entry.entryDate > through) continue
    throw fieldFailure(
      'CONFLICT',
      entry.dateField ?? DATE_FIELDS[entry.source.table] ?? 'date',
      'accounting.errors.periodClosed',
      { date: entry.entryDate, through, firstOpen: nextDay(through) },
    )
  }
}

/** The day a reversal is dated: the entry's own, or the first open day if it is closed. */
export async function reversalDay(writer: RecordWriter, entryDate: string): Promise<string> {
  const through = await closedThroughFor(writer)
  return through !== null && entryDate <= through ? nextDay(through) : entryDate
}
