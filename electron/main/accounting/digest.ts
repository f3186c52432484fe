import { createHash } from 'node:crypto'
import type { JournalSummary } from '@shared/accounting/schema'
import type { BookEntry } from './book-entry'

/** What identifies an entry's origin in a digest. */
function originKey(entry: BookEntry): string {
  switch (entry.origin.kind) {
    case 'ledger':
      return entry.origin.ledgerId
    case 'opening':
      return 'AN'
    case 'year-end':
      return `YE:${entry.origin.agreementId}`
  }
}

/**
 * The figures of some entries, as a closing keeps them: each journal's count, totals and last
 * number, and the SHA-256 of every line's journal, number, day, account, sub-account, amounts
 * and origin (labels aside: renaming an account does not change the books).
 */
export function booksDigest(entries: readonly BookEntry[]): {
  digest: string
  journals: JournalSummary[]
} {
  const hash = createHash('sha256')
  const journals = new Map<string, JournalSummary>()
  for (const entry of entries) {
    const journal = journals.get(entry.journal.code) ?? {
      code: entry.journal.code,
      label: entry.journal.label,
      entries: 0,
      debit: 0,
      credit: 0,
      lastNumber: 0,
    }
    journal.entries += 1
    journal.lastNumber = Math.max(journal.lastNumber, entry.number)
    const origin = originKey(entry)
    for (const line of entry.lines) {
      journal.debit += line.debit
      journal.credit += line.credit
      hash.update(
        [
          entry.journal.code,
          entry.number,
          entry.date,
          line.account,
          line.auxiliary?.code ?? '',
          line.debit,
          line.credit,
          line.native?.minor ?? '',
          line.native?.currency ?? '',
          origin,
        ].join('|') + '\n',
      )
    }
    journals.set(entry.journal.code, journal)
  }
  return {
    digest: hash.digest('hex'),
    journals: [...journals.values()].sort((a, b) => a.code.localeCompare(b.code)),
  }
}
