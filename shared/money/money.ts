import { type CurrencyCode, isCurrencyCode, minorUnits } from './currencies'
import { minorToDecimalString } from './decimal'

/**
 * An amount of money: a whole number of the currency's minor units (cents for EUR, francs for
 * XOF) and its ISO 4217 code. Never a float: 12.34 EUR is `{ minor: 1234, currency: 'EUR' }`.
 */
export interface Money {
  readonly minor: number
  readonly currency: CurrencyCode
}

/** The largest amount stored, in minor units: beyond 2^53 SQLite and JSON lose digits. */
export const MAX_MINOR = Number.MAX_SAFE_INTEGER

export function money(minor: number, currency: CurrencyCode): Money {
  assertMinor(minor)
  if (!isCurrencyCode(currency)) throw new RangeError(`Unknown currency ${String(currency)}`)
  return { minor, currency }
}

export function assertMinor(minor: number): void {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`An amount must be a whole number of minor units, got ${minor}`)
  }
}

/** Sums amounts of one currency; throws on a mix, which would be a programming error. */
export function sum(currency: CurrencyCode, amounts: readonly Money[]): Money {
  let total = 0
  for (const amount of amounts) {
    if (amount.currency !== currency) {
      throw new RangeError(`Cannot add ${amount.currency} to ${currency}`)
    }
    total += amount.minor
  }
  return money(total, currency)
}

/** The amount as a plain decimal string in major units: 1234 EUR cents → "12.34". */
export function toDecimalString(amount: Money): string {
  return minorToDecimalString(amount.minor, minorUnits(amount.currency))
}
