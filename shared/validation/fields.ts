import { z } from 'zod'
import { isCurrencyCode, type CurrencyCode } from '../money/currencies'
import { isCountryCode, type CountryCode } from '../geo/countries'

/**
 * Field schemas shared by the forms (immediate messages) and the core (the authority).
 * Their messages are catalog keys; see `issueToFieldError` for how they are shown.
 */

/** Text a person must fill in; surrounding spaces are dropped. */
export function requiredText(max: number) {
  return z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' })
}

/** Text that may be left empty: an empty or blank value is stored as null. */
export function optionalText(max: number) {
  return z
    .string({ error: 'validation.invalidType' })
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .nullish()
    .transform((value) => (value ? value : null))
}

export const optionalEmail = optionalText(254).refine(
  (value) => value === null || z.email().safeParse(value).success,
  { error: 'validation.email' },
)

export const currencyCode = z
  .string({ error: 'validation.currency' })
  .refine((value): value is CurrencyCode => isCurrencyCode(value), { error: 'validation.currency' })
  .transform((value) => value as CurrencyCode)

export const optionalCountryCode = z
  .string({ error: 'validation.country' })
  .nullish()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || isCountryCode(value), { error: 'validation.country' })
  .transform((value) => value as CountryCode | null)

/** A record's key: a UUID in its text form. */
/** A record's key; an empty one is a required choice left empty, and said so. */
export const recordId = z.uuid({
  error: (issue) => (issue.input === '' ? 'validation.required' : 'validation.uuid'),
})
export const byId = z.strictObject({ id: recordId })
/** The cancellation of a money record: which, and why (kept with its reversing entries). */
export const reversalInput = z.strictObject({ id: recordId, reason: requiredText(500) })
