import { fieldFailure } from '../failure'
import type { CurrencyCode } from '@shared/money/currencies'
import type { Money } from '@shared/money/money'
import { parseAmount } from '@shared/money/parse'

/**
 * Reads an amount of the contract (a plain decimal string) in a currency, or refuses it on its
 * field: never rounded, never more decimals than the currency has.
 */
export function readAmount(
  text: string,
  currency: CurrencyCode,
  field: string,
  rule: 'positive' | 'any' = 'positive',
): Money {
  const parsed = parseAmount(text, currency, 'en')
  if (!parsed.ok) {
    const key =
      parsed.error === 'too_many_decimals'
        ? 'validation.amountTooManyDecimals'
        : parsed.error === 'too_large'
          ? 'validation.amountTooLarge'
          : 'validation.amountInvalid'
    throw fieldFailure('VALIDATION', field, key, { currency })
  }
  if (rule === 'positive' && parsed.value.minor <= 0) {
    throw fieldFailure('VALIDATION', field, 'validation.amountPositive')
  }
  return parsed.value
}
