import { FEC_COLUMNS } from '../../electron/main/accounting/fec'
import { isCurrencyCode } from '@shared/money/currencies'
import { isIsoDate } from '@shared/validation/dates'

/** The bytes of ISO 8859-15 as text (the eight places it gave to €, Š, š, Ž, ž, Œ, œ, Ÿ). */
export function latin9(bytes: Buffer): string {
  const special: Record<number, string> = {
    0xa4: '€',
    0xa6: 'Š',
    0xa8: 'š',
    0xb4: 'Ž',
    0xb8: 'ž',
    0xbc: 'Œ',
    0xbd: 'œ',
    0xbe: 'Ÿ',
  }
  let text = ''
  for (const byte of bytes) text += special[byte] ?? String.fromCharCode(byte)
  return text
}

const DATE = /^\d{8}$/
const AMOUNT = /^\d+,\d{2}$/
const asIso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`
const cents = (a: string) => Number(a.replace(',', ''))

/**
 * A FEC read as the administration's rules say (article A47 A-1 of the LPF): the 18 fields in
 * their order, one header line, tab-separated, dates AAAAMMJJ, amounts with a decimal comma
 * and no thousands separator, each entry balanced, each journal numbered 1, 2, 3… in date order,
 * the opening entries first. Returns the problems found.
 */
export function fecProblems(bytes: Buffer, year: number): string[] {
  const problems: string[] = []
  const text = latin9(bytes)
  if (!text.endsWith('\r\n')) problems.push('the last line does not end with CR LF')
  const lines = text.split('\r\n').slice(0, -1)
  if (lines.some((line) => line.includes('\n') || line.includes('\r')))
    problems.push('a stray line break')
  const [header, ...rows] = lines
  if (header !== FEC_COLUMNS.join('\t')) problems.push(`header: ${header}`)
  const entries = new Map<string, { debit: number; credit: number; date: string; piece: string }>()
  const numbers = new Map<string, { number: number; date: string }[]>()
  let previousDate = ''
  let sawOther = false
  for (const [index, row] of rows.entries()) {
    const at = `line ${index + 2}`
    const f = row.split('\t')
    if (f.length !== 18) {
      problems.push(`${at}: ${f.length} fields`)
      continue
    }
    const [
      journal,
      journalLabel,
      number,
      date,
      account,
      accountLabel,
      aux,
      auxLabel,
      piece,
      pieceDate,
      label,
      debit,
      credit,
      letter,
      letterDate,
      validDate,
      native,
      currency,
    ] = f as [string, ...string[]] as string[]
    if (!/^[A-Z0-9]+$/.test(journal ?? '') || !journalLabel) problems.push(`${at}: journal`)
    if (!/^[1-9]\d*$/.test(number ?? '')) problems.push(`${at}: EcritureNum ${number}`)
    for (const [name, value] of [
      ['EcritureDate', date],
      ['PieceDate', pieceDate],
      ['ValidDate', validDate],
    ] as const) {
      if (!DATE.test(value ?? '') || !isIsoDate(asIso(value ?? '')))
        problems.push(`${at}: ${name} ${value}`)
    }
    if (!(date ?? '').startsWith(String(year))) problems.push(`${at}: date outside ${year}`)
    if ((validDate ?? '') < (date ?? '')) problems.push(`${at}: validated before its date`)
    if ((date ?? '') < previousDate) problems.push(`${at}: not in date order`)
    previousDate = date ?? ''
    if (journal === 'AN') {
      if (sawOther) problems.push(`${at}: an opening entry after other entries`)
    } else sawOther = true
    if (!/^\d{3}[0-9A-Z]*$/.test(account ?? '') || !accountLabel)
      problems.push(`${at}: account ${account}`)
    if (Boolean(aux) !== Boolean(auxLabel)) problems.push(`${at}: sub-account without its name`)
    if (!piece || !label) problems.push(`${at}: piece or label empty`)
    if (!AMOUNT.test(debit ?? '') || !AMOUNT.test(credit ?? ''))
      problems.push(`${at}: amount ${debit} ${credit}`)
    if (cents(debit ?? '0') > 0 && cents(credit ?? '0') > 0)
      problems.push(`${at}: both debit and credit`)
    if (letter || letterDate) problems.push(`${at}: lettering`)
    if (Boolean(native) !== Boolean(currency)) problems.push(`${at}: Montantdevise without Idevise`)
    if (currency && (!isCurrencyCode(currency) || currency === 'EUR'))
      problems.push(`${at}: Idevise ${currency}`)
    if (native && !/^\d+(,\d+)?$/.test(native)) problems.push(`${at}: Montantdevise ${native}`)
    const key = `${journal}|${number}`
    const entry = entries.get(key)
    if (!entry) {
      entries.set(key, {
        debit: cents(debit ?? '0'),
        credit: cents(credit ?? '0'),
        date: date ?? '',
        piece: piece ?? '',
      })
      numbers.set(journal ?? '', [
        ...(numbers.get(journal ?? '') ?? []),
        { number: Number(number), date: date ?? '' },
      ])
    } else {
      entry.debit += cents(debit ?? '0')
      entry.credit += cents(credit ?? '0')
      if (entry.date !== date || entry.piece !== piece)
        problems.push(`${at}: one entry, two dates or pieces`)
    }
  }
  for (const [key, entry] of entries) {
    if (entry.debit !== entry.credit)
      problems.push(`entry ${key}: ${entry.debit} ≠ ${entry.credit}`)
  }
  for (const [journal, list] of numbers) {
    const sorted = [...list].sort((a, b) => a.number - b.number)
    sorted.forEach((item, i) => {
      if (item.number !== i + 1) problems.push(`journal ${journal}: ${i + 1} missing or repeated`)
      if (i > 0 && item.date < (sorted[i - 1]?.date ?? ''))
        problems.push(`journal ${journal}: ${item.number} dated before ${i}`)
    })
  }
  return problems
}
