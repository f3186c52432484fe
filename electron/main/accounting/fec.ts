import { isCurrencyCode, minorUnits } from '../../../shared/money/currencies'
import { minorToDecimalString } from '../../../shared/money/decimal'
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
  return day.replaceAll('-', '')
}

/** An amount in minor units as the FEC writes it: a comma before the decimals, no thousands. */
export function fecAmount(minor: number, digits = 2): string {
  return minorToDecimalString(minor, digits).replace('.', ',')
}

function digitsOf(currency: string): number {
  return isCurrencyCode(currency) ? minorUnits(currency) : 2
}

/** The lines of the FEC for these entries (its header first), without line ends. */
export function* fecLines(entries: Iterable<BookEntry>): Generator<string> {
  yield FEC_COLUMNS.join(SEPARATOR)
  for (const entry of entries) {
    const head = [
      fieldText(entry.journal.code, SEPARATOR),
      fieldText(entry.journal.label, SEPARATOR),
      String(entry.number),
      fecDate(entry.date),
    ]
    for (const line of entry.lines) {
      yield [
        ...head,
        line.account,
        fieldText(line.accountLabel, SEPARATOR),
        fieldText(line.auxiliary?.code, SEPARATOR),
        fieldText(line.auxiliary?.label, SEPARATOR),
        fieldText(entry.pieceRef, SEPARATOR),
        fecDate(entry.pieceDate),
        fieldText(line.label, SEPARATOR) || fieldText(entry.label, SEPARATOR),
        fecAmount(line.debit),
        fecAmount(line.credit),
        '',
        '',
        fecDate(entry.validDate),
        line.native ? fecAmount(line.native.minor, digitsOf(line.native.currency)) : '',
        line.native?.currency ?? '',
      ].join(SEPARATOR)
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
