import type { Auxiliary } from './attributes'
import type { SignedLine } from './postings'
import type { AccountingPlan, Journal } from './plan'
import { compareCodes } from '@shared/text/compare-codes'

/** One line of an entry of the books, on its side. */
export interface BookLine {
  account: string
  accountLabel: string
  auxiliary: Auxiliary | null
  /** Euro cents; one of the two is zero. */
  debit: number
  credit: number
  /** The amount in its own currency (not negative), when that is not the euro. */
  native: { minor: number; currency: string } | null
  label: string
  /** Analytic codes: the agreement's reference and the project's code. */
  agreement: string | null
  project: string | null
}

export type EntryOrigin =
  | { kind: 'ledger'; ledgerId: string; entryDate: string }
  | { kind: 'opening' }
  | { kind: 'year-end'; agreementId: string }

/** An entry of the books, as the FEC and the accountant's software receive it. */
export interface BookEntry {
  journal: Journal
  /** Its number in its journal and fiscal year (1, 2…), continuous. */
  number: number
  /** The day it is booked on (EcritureDate). */
  date: string
  pieceRef: string
  pieceDate: string
  label: string
  /** When it became final: when its ledger entry was recorded (ValidDate). */
  validDate: string
  lines: BookLine[]
  origin: EntryOrigin
  /** Its place among the entries of a day: opening, then the ledger's, then the year-end's. */
  group: 0 | 1 | 2
  sortKey: string
}

/** Puts signed lines on their side; lines of nothing are left out when others say something. */
export function bookLines(
  lines: readonly SignedLine[],
  plan: AccountingPlan,
  label: string,
  references: (agreementId: string | null) => string | null,
  lineLabel?: (line: SignedLine, index: number) => string,
): BookLine[] {
  const meaningful = lines.filter((l) => l.eur !== 0 || (l.native?.minor ?? 0) !== 0)
  const kept = meaningful.length > 0 ? meaningful : lines
  return kept.map((line, index) => ({
    account: line.account,
    accountLabel: plan.accountLabel(line.account),
    auxiliary: line.auxiliary,
    debit: line.eur > 0 ? line.eur : 0,
    credit: line.eur < 0 ? -line.eur : 0,
    native: line.native
      ? { minor: Math.abs(line.native.minor), currency: line.native.currency }
      : null,
    label: lineLabel?.(line, index) ?? label,
    agreement: references(line.agreementId),
    project: line.project,
  }))
}

/**
 * Numbers entries in each journal from 1, in the order of their day, then opening, ledger and
 * year-end entries, then their key (a ledger entry's id, which is time-ordered); returns them in
 * that order, journal by journal within a day.
 */
export function numberEntries(entries: BookEntry[]): BookEntry[] {
  entries.sort(
    (a, b) =>
      compareCodes(a.date, b.date) ||
      a.group - b.group ||
      compareCodes(a.journal.code, b.journal.code) ||
      compareCodes(a.sortKey, b.sortKey),
  )
  const next = new Map<string, number>()
  for (const entry of entries) {
    const key = `${entry.journal.code}|${entry.date.slice(0, 4)}`
    const number = (next.get(key) ?? 0) + 1
    next.set(key, number)
    entry.number = number
  }
  return entries
}
