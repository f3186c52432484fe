import { fieldFailure } from '../failure'
import type { BookEntry, BookLine } from './book-entry'
import { fecAmount } from './fec'
import { encodeText, fieldText, representable } from './text-encoding'
import { isCurrencyCode, minorUnits } from '@shared/money/currencies'

/**
 * The entries in the import formats of the accountant's software. Each is documented in the
 * README (columns, separators, encoding): Sage and Cegid read them through a "format
 * paramétrable" set once with these columns, EBP through its ASCII import, Quadra through its
 * ASCII import (QuadraCOMPTA's "M" lines). One line per line of an entry, in euros.
 */
export type SoftwareFormat = 'sage' | 'ebp' | 'cegid' | 'quadra'

const CRLF = '\r\n'

const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`
const dmyShort = (day: string) => `${day.slice(8, 10)}${day.slice(5, 7)}${day.slice(2, 4)}`
const pieceNumber = (entry: BookEntry) =>
  `${entry.journal.code}${String(entry.number).padStart(6, '0')}`
const amountOf = (line: BookLine) => (line.debit > 0 ? line.debit : line.credit)
const side = (line: BookLine) => (line.debit > 0 || line.credit === 0 ? 'D' : 'C')
const nativeText = (line: BookLine) =>
  line.native
    ? fecAmount(
        line.native.minor,
        isCurrencyCode(line.native.currency) ? minorUnits(line.native.currency) : 2,
      )
    : ''

export const SAGE_COLUMNS = [
  'Code journal',
  'Date',
  'N° pièce',
  'Référence',
  'N° compte général',
  'N° compte tiers',
  'Libellé écriture',
  'Débit',
  'Crédit',
  'Analytique convention',
  'Analytique projet',
  'Devise',
  'Montant devise',
] as const

function sage(entries: readonly BookEntry[]): string {
  const out = [SAGE_COLUMNS.join(';')]
  for (const entry of entries) {
    for (const line of entry.lines) {
      out.push(
        [
          entry.journal.code,
          dmy(entry.date),
          pieceNumber(entry),
          fieldText(entry.pieceRef, ';').slice(0, 17),
          line.account,
          line.auxiliary?.code ?? '',
          fieldText(line.label, ';').slice(0, 69),
          fecAmount(line.debit),
          fecAmount(line.credit),
          fieldText(line.agreement, ';'),
          fieldText(line.project, ';'),
          line.native?.currency ?? '',
          nativeText(line),
        ].join(';'),
      )
    }
  }
  return out.join(CRLF) + CRLF
}

const quoted = (text: string) => `"${text.replaceAll('"', "'")}"`

function ebp(entries: readonly BookEntry[]): string {
  const out: string[] = []
  let row = 0
  for (const entry of entries) {
    for (const line of entry.lines) {
      row += 1
      const label = [line.auxiliary?.code, line.label].filter(Boolean).join(' ')
      out.push(
        [
          String(row),
          dmyShort(entry.date),
          entry.journal.code,
          line.account,
          '',
          quoted(fieldText(label, ',').slice(0, 40)),
          quoted(fieldText(pieceNumber(entry), ',').slice(0, 15)),
          (amountOf(line) / 100).toFixed(2),
          side(line),
          dmyShort(entry.date),
          'EUR',
        ].join(','),
      )
    }
  }
  return out.join(CRLF) + CRLF
}

function cegid(entries: readonly BookEntry[]): string {
  const out: string[] = []
  for (const entry of entries) {
    for (const line of entry.lines) {
      out.push(
        [
          dmy(entry.date),
          entry.journal.code,
          line.account,
          line.auxiliary?.code ?? '',
          side(line),
          fecAmount(amountOf(line)),
          fieldText(line.label, ';').slice(0, 35),
          pieceNumber(entry),
          fieldText(line.project ?? line.agreement, ';'),
          line.native?.currency ?? '',
          nativeText(line),
        ].join(';'),
      )
    }
  }
  return out.join(CRLF) + CRLF
}

/** A journal code of two characters, as Quadra reads them: BQ1 becomes B1. */
function quadraJournal(code: string): string {
  return code.length <= 2 ? code : `${code[0]}${code.at(-1)}`
}

const pad = (text: string, length: number) =>
  representable(text, 'ascii').slice(0, length).padEnd(length, ' ')

function quadra(entries: readonly BookEntry[]): string {
  const journals = new Map<string, string>()
  for (const entry of entries) {
    const short = quadraJournal(entry.journal.code)
    const other = [...journals].find(([code, s]) => s === short && code !== entry.journal.code)
    if (other) {
      throw fieldFailure('VALIDATION', 'format', 'accounting.errors.quadraJournal', {
        code: entry.journal.code,
      })
    }
    journals.set(entry.journal.code, short)
  }
  const out: string[] = []
  for (const entry of entries) {
    const journal = journals.get(entry.journal.code) ?? ''
    for (const line of entry.lines) {
      if (line.account.length > 8) {
        throw fieldFailure('VALIDATION', 'format', 'accounting.errors.quadraAccount', {
          number: line.account,
        })
      }
      const label = fieldText(line.label, '\t')
      out.push(
        [
          'M',
          pad(line.account, 8),
          pad(journal, 2),
          '000',
          dmyShort(entry.date),
          ' ',
          pad(label, 20),
          side(line),
          '+',
          String(amountOf(line)).padStart(12, '0'),
          pad('', 8),
          dmyShort(entry.date),
          pad('', 2),
          pad('', 3),
          pad(String(entry.number), 5),
          pad(line.project ?? line.agreement ?? '', 10),
          pad('', 10),
          pad(String(entry.number), 8),
          'EUR',
          pad(journal, 3),
          pad('', 3),
          pad(label, 30),
          pad('', 2),
          pad(entry.pieceRef, 10),
          pad('', 10),
          pad('', 13),
          pad('', 12),
          pad('', 38),
        ].join(''),
      )
    }
  }
  return out.join(CRLF) + CRLF
}

export function softwareExport(entries: readonly BookEntry[], format: SoftwareFormat): Buffer {
  switch (format) {
    case 'sage':
      return encodeText(sage(entries), 'cp1252')
    case 'ebp':
      return encodeText(ebp(entries), 'cp1252')
    case 'cegid':
      return encodeText(cegid(entries), 'cp1252')
    case 'quadra':
      return encodeText(quadra(entries), 'ascii')
  }
}

export function softwareFileName(format: SoftwareFormat, year: number): string {
  return `AIMF-ecritures-${year}-${format}.${format === 'quadra' || format === 'ebp' ? 'txt' : 'csv'}`
}
