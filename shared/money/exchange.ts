import { BASE_CURRENCY, type CurrencyCode, minorUnits } from './currencies'
import { type Decimal, divideHalfUp, parseDecimal, pow10 } from './decimal'
import { type Money, money } from './money'

/**
 * An exchange rate is the number of units of a currency worth one euro, as an exact decimal
 * string, the way the ECB, InforEuro and the banks quote it: "1.0823" USD per EUR.
 */
export type RateText = string

/**
 * Currencies pegged to the euro by treaty: the rate never changes and is never edited.
 * XOF (UEMOA) and XAF (CEMAC) are both 655.957 francs CFA per euro.
 */
export const FIXED_PARITIES: Readonly<Partial<Record<CurrencyCode, RateText>>> = {
  XOF: '655.957',
  XAF: '655.957',
}

export function fixedParity(currency: CurrencyCode): RateText | undefined {
  return FIXED_PARITIES[currency]
}

const RATE_PATTERN = /^\d{1,12}(\.\d{1,12})?$/

/** Reads a rate; null unless it is a plain positive decimal ("0" or "1e3" are refused). */
export function parseRate(text: string): Decimal | null {
  if (!RATE_PATTERN.test(text)) return null
  const rate = parseDecimal(text)
  return rate && rate.mantissa > 0n ? rate : null
}

function requireRate(text: RateText): Decimal {
  const rate = parseRate(text)
  if (!rate) throw new RangeError(`Not a valid exchange rate: ${text}`)
  return rate
}

/**
 * Converts an amount to another currency with one rounding (half-up) at the very end.
 *
 * `fromRate` and `toRate` are each currency's units per euro (ignored for EUR itself). The
 * amount is multiplied by the target rate and divided by the source rate: never multiplied by
 * an inverse, so 1,000,000 XOF is 1,524.49 EUR, not 1,524.48 through 1/655.957 rounded.
 */
export function convert(
  amount: Money,
  to: CurrencyCode,
  rates: { fromRate?: RateText; toRate?: RateText },
): Money {
  if (amount.currency === to) return amount
  const from = amount.currency
  const fromRate: Decimal =
    from === BASE_CURRENCY ? { mantissa: 1n, scale: 0 } : requireRate(rates.fromRate ?? '')
  const toRate: Decimal =
    to === BASE_CURRENCY ? { mantissa: 1n, scale: 0 } : requireRate(rates.toRate ?? '')
  // target = amount × 10^(toDigits − fromDigits) × toRate / fromRate, the powers of ten kept
  // on whichever side keeps every operand an integer.
  let numerator = BigInt(amount.minor) * toRate.mantissa * pow10(fromRate.scale)
  let denominator = fromRate.mantissa * pow10(toRate.scale)
  const digitShift = minorUnits(to) - minorUnits(from)
  if (digitShift >= 0) numerator *= pow10(digitShift)
  else denominator *= pow10(-digitShift)
  return money(Number(divideHalfUp(numerator, denominator)), to)
}

/** Converts to euros with the currency's rate per euro. */
export function toEuro(amount: Money, rate?: RateText): Money {
  return convert(amount, BASE_CURRENCY, { fromRate: rate ?? fixedParity(amount.currency) })
}

/** Converts euros to a currency with its rate per euro. */
export function fromEuro(amount: Money, to: CurrencyCode, rate?: RateText): Money {
  return convert(amount, to, { toRate: rate ?? fixedParity(to) })
}

/**
 * Euros converted at the rate a set of receipts gave: `received` (minor units of the
 * agreement's currency) for `receivedEur` (euro cents). One half-up rounding: no rate rounded
 * in between, so a weighted average rate is exact, however many receipts it averages.
 */
export function atReceiptsRate(eurMinor: number, received: number, receivedEur: number): number {
  return Number(divideHalfUp(BigInt(eurMinor) * BigInt(received), BigInt(receivedEur)))
}

/**
 * The rate per euro that `received` minor units of a currency for `receivedEur` euro cents
 * make, written to `places` decimals (half-up): for printing, never for converting.
 */
export function impliedRate(
  received: number,
  currency: CurrencyCode,
  receivedEur: number,
  places = 6,
): RateText {
  const scaled = divideHalfUp(
    BigInt(received) * pow10(places + minorUnits(BASE_CURRENCY)),
    BigInt(receivedEur) * pow10(minorUnits(currency)),
  )
  const text = scaled.toString().padStart(places + 1, '0')
  return `${text.slice(0, -places)}.${text.slice(-places)}`
}
