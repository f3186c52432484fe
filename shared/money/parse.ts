import { type CurrencyCode, minorUnits } from './currencies'
import { formatMoney } from './format'
import { type Money, MAX_MINOR } from './money'
import { LANGUAGES, type Language } from '../i18n/locale'

export type AmountParseError = 'empty' | 'invalid' | 'too_many_decimals' | 'too_large'
export type AmountParseResult = { ok: true; value: Money } | { ok: false; error: AmountParseError }

/** Space, no-break space and narrow no-break space (what fr-FR Intl output puts between groups). */
const GROUP_SPACES = /[\u0020\u00A0\u202F]/

/**
 * Digits (a dozen at most: well within MAX_MINOR in minor units) and, after a lone point — the
 * decimal mark in either language — three at most.
 */
const PLAIN_AMOUNT = /^(\d{1,12})(?:\.(\d{1,3}))?$/

/**
 * Reads an amount as a person types it, in the interface's language.
 *
 * French: `1 234,56` (any of the three spaces between groups), `1234,56`, and `1234.56` with a
 * lone point, as typed on a numeric keypad. English: `1,234.56`, `1 234.56`, `1234.56`.
 * Groups must be of three digits, so `12,34` in English is refused rather than guessed.
 * More decimals than the currency has are refused unless they are zeros: never rounded.
 * What the app itself shows is taken back as it is: the currency's code or symbol before or after
 * (`1 234 567,89 €`, `€1,234.56`, `1 000 USD`), and, in either language, both marks at once
 * (`1,234,567.89`, `1.234.567,89`: the last mark is the decimal one) or several group commas.
 */
export function parseAmount(
  text: string,
  currency: CurrencyCode,
  language: Language,
): AmountParseResult {
  // Most amounts an import reads are plain digits with at most a point (what the app's own
  // workbooks write), read thousands of times: taken here to the same value as below.
  const plain = PLAIN_AMOUNT.exec(text)
  if (plain) {
    const fraction = plain[2] ?? ''
    const digits = minorUnits(currency)
    if (fraction.length <= digits) {
      return {
        ok: true,
        value: { minor: Number(plain[1] + fraction.padEnd(digits, '0')), currency },
      }
    }
  }
  let input = text.trim()
  if (input === '') return { ok: false, error: 'empty' }
  let negative = false
  if (input.startsWith('-') || input.startsWith('\u2212')) {
    negative = true
    input = input.slice(1).trimStart()
  }
  const bare = withoutCurrency(input, currency)
  if (bare === null) return { ok: false, error: 'invalid' }
  input = bare
  if (!negative && (input.startsWith('-') || input.startsWith('\u2212'))) {
    negative = true
    input = input.slice(1).trimStart()
  }

  const marks = pickMarks(input, language)
  if (marks === null) return { ok: false, error: 'invalid' }
  const { decimalMark, groupMark } = marks
  const [integerPart = '', fractionPart, ...rest] = decimalMark ? input.split(decimalMark) : [input]
  if (rest.length > 0 || fractionPart === '') return { ok: false, error: 'invalid' }

  const integerDigits = readGroupedInteger(integerPart, groupMark)
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

/**
 * The decimal mark ('' when there is no decimal part) and the group mark besides spaces, or null
 * when the marks make no sense. Both marks present: the last one is the decimal mark. One comma
 * is the decimal mark in French, and in English when spaces group the digits (French text), a
 * group mark otherwise; a lone point is decimal in both.
 */
function pickMarks(
  input: string,
  language: Language,
): { decimalMark: '.' | ',' | ''; groupMark: '.' | ',' | null } | null {
  const commas = input.split(',').length - 1
  const points = input.split('.').length - 1
  if (commas > 0 && points > 0) {
    const decimalMark = input.lastIndexOf(',') > input.lastIndexOf('.') ? ',' : '.'
    const count = decimalMark === ',' ? commas : points
    if (count !== 1) return null
    return { decimalMark, groupMark: decimalMark === ',' ? '.' : ',' }
  }
  if (commas > 1) return { decimalMark: '', groupMark: ',' }
  if (points > 1) return { decimalMark: '', groupMark: '.' }
  if (commas === 1) {
    // In English a lone comma groups thousands, unless spaces already group them (French text).
    const decimal = language === 'fr' || GROUP_SPACES.test(input)
    return decimal ? { decimalMark: ',', groupMark: null } : { decimalMark: '', groupMark: ',' }
  }
  if (points === 1) return { decimalMark: '.', groupMark: language === 'en' ? ',' : null }
  return { decimalMark: '', groupMark: language === 'en' ? ',' : null }
}

/** What the app writes around a number for a currency: its code and its symbols, in each language. */
const currencyMarks = new Map<CurrencyCode, string[]>()
function marksOf(currency: CurrencyCode): string[] {
  let marks = currencyMarks.get(currency)
  if (!marks) {
    const symbols = LANGUAGES.map((language) =>
      spacesToPlain(formatMoney({ minor: 0, currency }, language))
        .replace(/[\d.,-]/g, '')
        .trim(),
    )
    marks = [...new Set([currency, ...symbols])]
      .filter((mark) => mark !== '')
      .sort((a, b) => b.length - a.length)
    currencyMarks.set(currency, marks)
  }
  return marks
}

/** Every kind of space as a plain one, to compare a symbol written with no-break spaces. */
function spacesToPlain(text: string): string {
  return text.replace(/[\u00A0\u202F]/g, ' ')
}

/**
 * The number without the currency's code or symbol around it (the amount's own currency only:
 * `12 USD` is not an amount in euros); null when other letters or symbols remain.
 */
function withoutCurrency(input: string, currency: CurrencyCode): string | null {
  let rest = spacesToPlain(input)
  for (const mark of marksOf(currency)) {
    const upper = rest.toUpperCase()
    if (upper.startsWith(mark.toUpperCase())) {
      rest = rest.slice(mark.length).trimStart()
      break
    }
    if (upper.endsWith(mark.toUpperCase())) {
      rest = rest.slice(0, rest.length - mark.length).trimEnd()
      break
    }
  }
  rest = rest.replace(/^[\s\u00A0\u202F]+|[\s\u00A0\u202F]+$/g, '')
  return /^[-\u2212]?[\d][\d.,\s\u00A0\u202F]*$/.test(rest) ? rest : null
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
