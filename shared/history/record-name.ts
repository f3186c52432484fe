import { formatDate } from '../i18n/format-dates'
import type { Language } from '../i18n/locale'
import { translate } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages/catalog'
import { formatMoney, isCurrencyCode, money } from '../money'
import { formatCount } from '../i18n/format-number'

type Row = Readonly<Record<string, unknown>>

/** The day that places a record of money in time, first found. */
const DAY_COLUMNS = [
  'received_on',
  'spent_on',
  'entry_date',
  'paid_on',
  'planned_on',
  'expected_on',
  'called_on',
  'due_on',
  'signed_on',
  'rate_date',
  'period_end',
  'closes_through',
  'sent_on',
  'on_date',
]

function text(row: Row, column: string): string | null {
  const value = row[column]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

/**
 * A record as people name it: « AFD-2024-01 — Appui aux villes », « Ville de Lomé »,
 * « 12/03/2026 — 250 000,00 € » for a receipt; never its id. `table` names the register when
 * nothing else does (« Réglages comptables »).
 */
export function recordName(table: string, row: Row, language: Language): string {
  const number = row.number
  const ident =
    text(row, 'reference') ??
    text(row, 'code') ??
    (typeof number === 'string' ? number : null) ??
    (typeof number === 'number' ? `n° ${formatCount(number, language)}` : null)
  const acronym = text(row, 'acronym')
  const title =
    text(row, 'name') ??
    text(row, 'title') ??
    text(row, 'label') ??
    text(row, 'description') ??
    text(row, 'payer') ??
    text(row, 'supplier') ??
    text(row, 'partner_name')
  const named = [ident, title && acronym ? `${title} (${acronym})` : title].filter(Boolean)
  if (named.length > 0 && !(named.length === 1 && typeof number === 'number'))
    return named.join(' — ')
  const day = DAY_COLUMNS.map((column) => text(row, column)).find(Boolean)
  const minor = row.amount_minor
  const currency = row.currency
  const amount =
    typeof minor === 'number' && typeof currency === 'string' && isCurrencyCode(currency)
      ? formatMoney(money(minor, currency), language)
      : null
  const described = [...named, day ? formatDate(day, language) : null, amount].filter(Boolean)
  if (described.length > 0) return described.join(' — ')
  return translate(language, `records.${table}` as MessageKey)
}
