import { type CurrencyCode, minorUnits } from './currencies'
import type { Money } from './money'
import { minorToDecimalString } from './decimal'
import { INTL_LOCALE, type Language } from '../i18n/locale'

const formatters = new Map<string, Intl.NumberFormat>()

function formatter(language: Language, currency: CurrencyCode, withSymbol: boolean) {
  const key = `${language}|${currency}|${withSymbol}`
  let found = formatters.get(key)
  if (!found) {
    const digits = minorUnits(currency)
    found = new Intl.NumberFormat(INTL_LOCALE[language], {
      ...(withSymbol ? { style: 'currency', currency } : {}),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    })
    formatters.set(key, found)
  }
  return found
}

/**
 * Formats an amount for people: `1 234,56 €` in French, `€1,234.56` in English.
 * The exact decimal string is handed to Intl, so no digit passes through a float.
 */
export function formatMoney(amount: Money, language: Language): string {
  const format = formatter(language, amount.currency, true)
  const symbol = CFA_SYMBOLS[amount.currency]
  if (!symbol) return format.format(decimalOf(amount))
  return format
    .formatToParts(decimalOf(amount))
    .map((part) => (part.type === 'currency' ? symbol : part.value))
    .join('')
}

/**
 * The two CFA francs are distinct currencies that Intl writes almost alike (« F CFA » for XOF,
 * « FCFA » for XAF). Finance officers of the two zones name them by their central bank, so an
 * amount never leaves a reader guessing which franc it is.
 */
const CFA_SYMBOLS: Partial<Record<CurrencyCode, string>> = {
  XOF: 'F CFA (BCEAO)',
  XAF: 'F CFA (BEAC)',
}

const currencyNames = new Map<Language, Intl.DisplayNames>()

/** A currency for people: its code and its name, « XOF — franc CFA (BCEAO) », « USD — US Dollar ». */
export function currencyLabel(currency: CurrencyCode, language: Language): string {
  let names = currencyNames.get(language)
  if (!names) {
    names = new Intl.DisplayNames([INTL_LOCALE[language]], { type: 'currency' })
    currencyNames.set(language, names)
  }
  return `${currency} — ${names.of(currency) ?? currency}`
}

/** Formats the number alone (for table cells whose column names the currency). */
export function formatAmount(amount: Money, language: Language): string {
  return formatter(language, amount.currency, false).format(decimalOf(amount))
}

/**
 * An exchange rate for people, with every decimal it has: `655,957` in French, `655.957` in
 * English. The exact decimal string is handed to Intl, so no digit passes through a float.
 */
export function formatRate(rate: string, language: Language): string {
  const decimals = rate.split('.')[1]?.length ?? 0
  const key = `${language}|rate|${decimals}`
  let found = formatters.get(key)
  if (!found) {
    found = new Intl.NumberFormat(INTL_LOCALE[language], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    })
    formatters.set(key, found)
  }
  return found.format(rate as Intl.StringNumericLiteral)
}

function decimalOf(amount: Money): Intl.StringNumericLiteral {
  return minorToDecimalString(
    amount.minor,
    minorUnits(amount.currency),
  ) as Intl.StringNumericLiteral
}
