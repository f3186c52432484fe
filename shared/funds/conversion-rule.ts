import { z } from 'zod'
import { recordId } from '../validation/fields'

/**
 * How an agreement's spending is converted into its currency for the funder, as its contract
 * says:
 * - `day_rate`: the bank's rate of the day the money left (what the ledger holds);
 * - `inforeuro_month`: the Commission's InforEuro rate of the month of the payment (PRAG,
 *   general conditions art. 15 for EU grants);
 * - `receipts_average`: the weighted average rate of the agreement's receipts, the funds
 *   actually converted (the other option PRAG allows);
 * - `receipts_fifo`: first in, first out over the receipts: each spending uses up the oldest
 *   receipt still unspent, at that receipt's rate.
 */
export const CONVERSION_RULES = [
  'day_rate',
  'inforeuro_month',
  'receipts_average',
  'receipts_fifo',
] as const
export type ConversionRule = (typeof CONVERSION_RULES)[number]

export const conversionRule = z.enum(CONVERSION_RULES, { error: 'validation.conversionRule' })

export const conversionRuleInput = z.strictObject({ agreementId: recordId, rule: conversionRule })
export type ConversionRuleInput = z.input<typeof conversionRuleInput>

/** What the agreement page shows: its spending at the bank's rates and by its rule. */
export interface ConversionSummary {
  rule: ConversionRule
  /** Minor units of the agreement's currency. */
  spentAtBank: number
  spentByRule: number
  /** spentByRule − spentAtBank: the exchange difference, never hidden inside spending. */
  difference: number
  /** Conversions the rule could not make (a missing InforEuro rate, no receipt yet), made at the bank's rate of the day instead. */
  fallbacks: ConversionFallback[]
}

/**
 * Spent by an agreement's rule less spent at the bank's rates: in its currency, and in euros at
 * the bank's rate of each spending's day. Figures by the rule plus this line are the ledger's.
 */
export interface ExchangeDifference {
  minor: number
  eur: number
}

export interface ConversionFallback {
  reason: 'noInforEuroRate' | 'noReceipt'
  currency: string
  /** The month (YYYY-MM) a missing InforEuro rate is for; the day of a spending before any receipt. */
  period: string
}
