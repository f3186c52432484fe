import { type CurrencyCode, minorUnits } from './currencies'
import { type Money, MAX_MINOR } from './money'
import type { Language } from '../i18n/locale'

export type AmountParseError = 'empty' | 'invalid' | 'too_many_decimals' | 'too_large'
export type AmountParseResult = { ok: true; value: Money } | { ok: false; error: AmountParseError }

/** Space, no-break space and narrow no-break space (what fr-FR Intl output puts between groups). */
const GROUP_SPACES = /[\u0020\u00A0\u202F]/

/**
 * Reads an amount as a person types it, in the interface's language.
 *
 * French: `1 234,56` (any of the three spaces between groups), `1234,56`, and `1234.56` with a
 * lone point, as typed on a numeric keypad. English: `1,234.56`, `1 234.56`, `1234.56`.
 * Groups must be of three digits, so `12,34` in English is refused rather than guessed.
 * More decimals than the currency has are refused unless they are zeros: never rounded.
 */
export function parseAmount(
  text: string,
  currency: CurrencyCode,
  language: Language,
): AmountParseResult {
  let input = text.trim()
  if (input === '') return { ok: false, error: 'empty' }
  let negative = false
  if (input.startsWith('-') || input.startsWith('\u2212')) {
    negative = true
    input = input.slice(1).trimStart()
  }

  const decimalMark = pickDecimalMark(input, language)
  if (decimalMark === null) return { ok: false, error: 'invalid' }
  const [integerPart = '', fractionPart, ...rest] = decimalMark ? input.split(decimalMark) : [input]
  if (rest.length > 0 || fractionPart === '') return { ok: false, error: 'invalid' }

  const groupMark = decimalMark === '.' && language === 'en' ? ',' : decimalMark === ',' ? '.' : ','
  const integerDigits = readGroupedInteger(integerPart, language === 'en' ? groupMark : null)
  if (integerDigits === null) return { ok: false, error: 'invalid' }
  const fraction = fractionPart ?? ''
  if (!/^\d*$/.test(fraction)) return { ok: false, error: 'invalid' }

  const digits = minorUnits(currency)
  const significantFraction = fraction.replace(/0+$/, '')
  if (significantFraction.length > digits) return { ok: false, error: 'too_many_decimals' }

  const minor = BigInt(integerDigits + significantFraction.padEnd(digits, '0'))
  if (minor > BigInt(MAX_MINOR)) return { ok: false, error: 'too_large' }
  const value = Number(minor)
  return { ok: true, value: { minor: negative && value !== 0 ? -value : value, currency } }
}

/** '' when there is no decimal part, null when the marks make no sense. */
function pickDecimalMark(input: string, language: Language): '.' | ',' | '' | null {
  const commas = input.split(',').length - 1
  const points = input.split('.').length - 1
  if (language === 'fr') {
    if (commas > 1 || points > 1 || (commas === 1 && points === 1)) return null
    return commas === 1 ? ',' : points === 1 ? '.' : ''
  }
  if (points > 1) return null
  if (points === 1) return '.'
  return ''
}

/** The digits of an integer part written with space groups (or `groupMark` groups), or null. */
function readGroupedInteger(part: string, groupMark: string | null): string | null {
  const groups = part.split(
    groupMark ? new RegExp(`${GROUP_SPACES.source}|\\${groupMark}`) : GROUP_SPACES,
  )
  if (!groups.every((g) => /^\d+$/.test(g))) return null
  if (groups.length > 1) {
    const [first = '', ...others] = groups
    if (first.length > 3 || others.some((g) => g.length !== 3)) return null
  }
  return groups.join('')
}
