import { isCurrencyCode, minorUnits } from '@shared/money/currencies'
import { minorToDecimalString } from '@shared/money/decimal'
import type { BookEntry } from './book-entry'
import { fieldText } from './text-encoding'

/** The 18 fields of the FEC, in the order article A47 A-1 of the LPF sets. */
export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const

const SEPARATOR = '\t'
const END_OF_LINE = '\r\n'

/** A day as the FEC writes it: AAAAMMJJ. */
export function fecDate(day: string): string {
  return day.slice(0, 4) + day.slice(5, 7) + day.slice(8, 10)
}

/** An amount in minor units as the FEC writes it: a comma before the decimals, no thousands. */
export function fecAmount(minor: number, digits = 2): string {
  return minorToDecimalString(minor, digits).replace('.', ',')
}

function digitsOf(currency: string): number {
  return isCurrencyCode(currency) ? minorUnits(currency) : 2
}

/**
 * The lines of the FEC for these entries (its header first), without line ends. A year is tens
 * of thousands of lines whose texts repeat (journals, accounts, sub-accounts): each text is
 * cleaned once, and the fields an entry's lines share are joined once per entry.
 */
export function* fecLines(entries: Iterable<BookEntry>): Generator<string> {
  const cleaned = new Map<string, string>()
  const field = (text: string | null | undefined): string => {
    if (!text) return ''
    let clean = cleaned.get(text)
    if (clean === undefined) {
      clean = fieldText(text, SEPARATOR)
      cleaned.set(text, clean)
    }
    return clean
  }
  const T = SEPARATOR
  yield FEC_COLUMNS.join(T)
  for (const entry of entries) {
    // JournalCode … EcritureDate, then PieceRef and PieceDate, then ValidDate: the same on
    // every line of the entry.
    const head = `${field(entry.journal.code)}${T}${field(entry.journal.label)}${T}${entry.number}${T}${fecDate(entry.date)}${T}`
    const piece = `${field(entry.pieceRef)}${T}${fecDate(entry.pieceDate)}${T}`
    const valid = fecDate(entry.validDate)
    const entryLabel = field(entry.label)
    for (const line of entry.lines) {
      const native = line.native
      yield (
        head +
        `${line.account}${T}${field(line.accountLabel)}${T}` +
        `${field(line.auxiliary?.code)}${T}${field(line.auxiliary?.label)}${T}` +
        piece +
        `${field(line.label) || entryLabel}${T}` +
        `${fecAmount(line.debit)}${T}${fecAmount(line.credit)}${T}${T}${T}${valid}${T}` +
        (native ? `${fecAmount(native.minor, digitsOf(native.currency))}${T}${native.currency}` : T)
      )
    }
  }
}

/** The FEC of a year as text (the caller encodes it in ISO 8859-15). */
export function fecText(entries: readonly BookEntry[]): { text: string; lines: number } {
  const parts: string[] = []
  for (const line of fecLines(entries)) parts.push(line)
  return { text: parts.join(END_OF_LINE) + END_OF_LINE, lines: parts.length - 1 }
}

/** The name the administration expects: SIREN, "FEC", the closing date (AAAAMMJJ). */
export function fecFileName(siren: string | null, year: number): string {
  return `${siren ?? '000000000'}FEC${year}1231.txt`
}
