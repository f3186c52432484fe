import { countryName } from '../geo/country-names'
import { formatDate, formatDateTime } from '../i18n/format-dates'
import { formatCount } from '../i18n/format-number'
import { formatBasisPoints } from '../i18n/format-percent'
import { formatSize } from '../i18n/format-size'
import type { Language } from '../i18n/locale'
import { CATALOGS, translate } from '../i18n/translate'
import {
  BASE_CURRENCY,
  formatMoney,
  formatRate,
  isCurrencyCode,
  minorToDecimalString,
  money,
} from '../money'
import { currencyLabel } from '../money/format'
import { SECTORS } from '../projects/sectors'
import { columnKind } from './columns'

/** What a value needs besides itself to be read: the names of the records its ids point to. */
export interface DescribeContext {
  language: Language
  /** The currency of the record's amounts (its own, or its agreement's or project's). */
  currency: string | null
  /** The name of a record referred to, by its id (undefined: no such record). */
  nameOf: (column: string, id: string) => string | undefined
  /** The label of an AIMF programme by its code (the list is the file's own, editable). */
  programmeName: (code: string) => string | undefined
}

/** The words at a catalogue path, or null when the catalogue has none. */
export function catalogueWords(language: Language, path: readonly string[]): string | null {
  let node: unknown = CATALOGS[language]
  for (const part of path)
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined
  return typeof node === 'string' ? node : null
}

/** A column's name as an auditor reads it (« Montant engagé »); its own name only if unknown. */
export function columnLabel(language: Language, column: string): string {
  return catalogueWords(language, ['history', 'column', column]) ?? column
}

/** Whether a column is shown at all (fingerprints and frozen figures are not). */
export function isShownColumn(table: string, column: string): boolean {
  return columnKind(table, column).kind !== 'hidden'
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * A stored value as the forms show it: « 250 000,00 € », « 12/03/2026 », « Convention signée »,
 * the agreement's reference for its id, « Oui ». A dash for none.
 */
export function describeValue(
  table: string,
  column: string,
  value: unknown,
  context: DescribeContext,
): string {
  const { language } = context
  if (value === null || value === undefined || value === '')
    return translate(language, 'common.none')
  const kind = columnKind(table, column)
  const integer = typeof value === 'number' && Number.isSafeInteger(value) ? value : null
  const text = typeof value === 'string' ? value : null
  switch (kind.kind) {
    case 'money':
    case 'eur': {
      const currency = kind.kind === 'eur' ? BASE_CURRENCY : context.currency
      if (integer === null) break
      if (currency && isCurrencyCode(currency))
        return formatMoney(money(integer, currency), language)
      // A currency the record does not say: the figure with cents, no symbol guessed.
      return formatRate(minorToDecimalString(integer, 2), language)
    }
    case 'basisPoints':
      if (integer !== null) return formatBasisPoints(integer, language)
      break
    case 'rate':
      if (text && /^\d+(\.\d+)?$/.test(text)) return formatRate(text, language)
      break
    case 'day':
      if (text && DAY.test(text)) return formatDate(text, language)
      break
    case 'moment':
      if (text && !Number.isNaN(Date.parse(text))) return formatDateTime(text, language)
      break
    case 'yesNo':
      return translate(language, value === true || value === 1 ? 'common.yes' : 'common.no')
    case 'count':
      if (integer !== null) return formatCount(integer, language)
      break
    case 'year':
      if (integer !== null) return String(integer)
      break
    case 'size':
      if (integer !== null) return formatSize(integer, language)
      break
    case 'reference':
      if (text) return context.nameOf(column, text) ?? translate(language, 'history.deletedRecord')
      break
    case 'words':
      if (text) return catalogueWords(language, kind.path(text)) ?? text
      break
    case 'country':
      if (text) return countryName(text, language)
      break
    case 'sector': {
      const sector = SECTORS.find(([code]) => code === text)
      if (sector) return `${sector[0]} — ${language === 'fr' ? sector[1] : sector[2]}`
      break
    }
    case 'programme':
      if (text) return context.programmeName(text) ?? text
      break
    case 'currency':
      if (text && isCurrencyCode(text)) return currencyLabel(text, language)
      break
    case 'hidden':
    case 'text':
      break
  }
  if (typeof value === 'boolean') return translate(language, value ? 'common.yes' : 'common.no')
  if (typeof value === 'number') return formatCount(value, language)
  return typeof value === 'string' ? value : JSON.stringify(value)
}
