import { z } from 'zod'
import { parseRate } from '../money/exchange'

/**
 * An amount as it crosses from the interface to the core: a plain decimal string in major units
 * ("1234.56"), never a float. The core reads it against the currency's digits, so an amount with
 * more decimals than the currency has is refused there, with the field named.
 */
export const decimalAmount = z
  .string({ error: 'validation.amountInvalid' })
  .trim()
  .regex(/^-?\d{1,16}(\.\d{1,6})?$/, { error: 'validation.amountInvalid' })

/**
 * An exchange rate as typed (units of a currency per euro, "1.0823"): refused here unless the
 * core can read it (`parseRate`: a plain positive decimal), so that nothing computes with it
 * first — a form's warnings convert the amount at the rate given before the action runs.
 */
export const rateText = z
  .string({ error: 'validation.rate' })
  .trim()
  .refine((value) => parseRate(value) !== null, { error: 'validation.rate' })

/** The same when it may be left empty (the day's rate is then taken): empty is null. */
export const optionalRate = z
  .string({ error: 'validation.rate' })
  .trim()
  .nullish()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || parseRate(value) !== null, { error: 'validation.rate' })

/** A percentage typed as a plain decimal ("7", "12.5"), kept as basis points (700, 1250). */
export const optionalPercent = z
  .string({ error: 'validation.percent' })
  .trim()
  .nullish()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || /^\d{1,3}(\.\d{1,2})?$/.test(value), {
    error: 'validation.percent',
  })
  .transform((value) => (value === null ? null : percentToBasisPoints(value)))
  .refine((value) => value === null || value <= 10_000, { error: 'validation.percent' })

export function percentToBasisPoints(text: string): number {
  const [whole = '0', fraction = ''] = text.split('.')
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
}

export function basisPointsToPercent(bp: number): string {
  const whole = Math.trunc(bp / 100)
  const fraction = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : String(whole)
}
