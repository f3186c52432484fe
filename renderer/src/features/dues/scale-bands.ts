import type { TFunction } from 'i18next'
import type { BandInput, DuesScale } from '@shared/dues/schema'
import type { Language } from '@shared/i18n/locale'
import type { Member } from '@shared/members/schema'
import { isCurrencyCode, type CurrencyCode } from '@shared/money/currencies'
import { formatAmount } from '@shared/money/format'
import { money, type Money } from '@shared/money/money'
import { parseAmount } from '@shared/money/parse'
import { amountForContract } from '../../lib/amount-input'

/**
 * A band of the scale as typed: text until it is saved. `key` follows the row when sorted; a
 * saved band's is its id, so that the journal's « Voir » finds and marks its row.
 */
export interface BandRow {
  key: string
  memberKind: string
  populationFrom: string
  populationTo: string
  amount: string
  currency: string
  label: string
}

let nextKey = 0
const newKey = () => `band-${++nextKey}`

/** The saved scale's bands, shown the user's way. */
export function bandRowsOf(scale: DuesScale, language: Language): BandRow[] {
  return scale.bands.map((b) => ({
    key: b.id,
    memberKind: b.memberKind,
    populationFrom: String(b.populationFrom),
    populationTo: b.populationTo === null ? '' : String(b.populationTo),
    amount: formatAmount(money(b.amount, b.currency), language),
    currency: b.currency,
    label: b.label,
  }))
}

/** A new band, for cities from no population up, to be filled in. */
export function emptyBand(): BandRow {
  return {
    key: newKey(),
    memberKind: 'city',
    populationFrom: '0',
    populationTo: '',
    amount: '',
    currency: 'EUR',
    label: '',
  }
}

/** The amount a band's text reads as, or none while it is not one (nothing to add up). */
export function bandAmount(row: BandRow, language: Language): Money | null {
  const currency: CurrencyCode = isCurrencyCode(row.currency) ? row.currency : 'EUR'
  const parsed = parseAmount(row.amount, currency, language)
  return parsed.ok ? parsed.value : null
}

const wholeNumber = (text: string) => Number(text.replace(/[\s\u00a0\u202f]/g, '') || '0')

/**
 * The bands as the core takes them, with the amounts the form itself refuses (keyed
 * `bands.<index>.amount`, as the core keys its own refusals).
 */
export function bandsForSave(
  rows: BandRow[],
  t: TFunction,
  language: Language,
): { bands: BandInput[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const bands = rows.map((row, index) => {
    const amount = amountForContract(row.amount, row.currency, language)
    if (!amount.ok) errors[`bands.${index}.amount`] = t(amount.key, { currency: row.currency })
    return {
      memberKind: row.memberKind as Member['kind'],
      populationFrom: wholeNumber(row.populationFrom),
      populationTo: row.populationTo.trim() === '' ? null : wholeNumber(row.populationTo),
      amount: amount.ok ? amount.value : '1',
      currency: row.currency as CurrencyCode,
      label: row.label,
    }
  })
  return { bands, errors }
}
