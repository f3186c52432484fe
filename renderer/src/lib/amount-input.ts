import type { TFunction } from 'i18next'
import type { Language } from '@shared/i18n/locale'
import type { CurrencyCode } from '@shared/money/currencies'
import { isCurrencyCode } from '@shared/money/currencies'
import { toDecimalString } from '@shared/money/money'
import { parseAmount } from '@shared/money/parse'
import type { MessageKey } from '@shared/i18n/messages/catalog'

/**
 * Turns an amount typed the user's way ("1 234,56") into the contract's plain decimal
 * ("1234.56"), or says what is wrong with it. The core checks it again against the currency.
 */
export function amountForContract(
  text: string,
  currency: string,
  language: Language,
  allowNegative = false,
): { ok: true; value: string } | { ok: false; key: MessageKey } {
  const code: CurrencyCode = isCurrencyCode(currency) ? currency : 'EUR'
  const parsed = parseAmount(text, code, language)
  if (!parsed.ok) {
    const key: MessageKey =
      parsed.error === 'empty'
        ? 'validation.required'
        : parsed.error === 'too_many_decimals'
          ? 'validation.amountTooManyDecimals'
          : parsed.error === 'too_large'
            ? 'validation.amountTooLarge'
            : 'validation.amountInvalid'
    return { ok: false, key }
  }
  if (!allowNegative && parsed.value.minor <= 0)
    return { ok: false, key: 'validation.amountPositive' }
  return { ok: true, value: toDecimalString(parsed.value) }
}

/** A rate or a percentage typed with a comma or a point, as the contract's plain decimal. */
export function decimalForContract(text: string): string {
  return text.trim().replace(',', '.')
}

/**
 * An amount field on its way to the contract: the plain decimal, or the message shown under the
 * field — the input then carries a stand-in amount, so that the schema still says what is wrong
 * with the other fields at the same time.
 */
export function preparedAmount(
  field: string,
  text: string,
  currency: string,
  language: Language,
  t: TFunction,
): { value: string; errors: Record<string, string> } {
  const amount = amountForContract(text, currency, language)
  return amount.ok
    ? { value: amount.value, errors: {} }
    : { value: '1', errors: { [field]: t(amount.key, { currency }) } }
}
