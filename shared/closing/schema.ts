import { z } from 'zod'
import type { CurrencyCode } from '../money/currencies'
import type { ConversionRule } from '../funds/conversion-rule'
import { decimalAmount, optionalRate } from '../validation/amounts'
import { isoDate } from '../validation/dates'
import { optionalText, recordId, requiredText } from '../validation/fields'
import type { ClosingFigures } from './closing-figures'

export const CONTRIBUTION_KINDS = ['cash', 'in_kind'] as const
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number]

export const statementQuery = z.strictObject({ agreementId: recordId })

/** Co-financing declared for an agreement's action: cash (eligible costs) or in kind. */
export const contributionInput = z.strictObject({
  agreementId: recordId,
  kind: z.enum(CONTRIBUTION_KINDS, { error: 'validation.choice' }),
  contributedOn: isoDate,
  contributor: requiredText(200),
  description: requiredText(500),
  /** In the agreement's currency. */
  amount: decimalAmount,
  note: optionalText(2000),
})
export type ContributionInput = z.input<typeof contributionInput>
export type ContributionFields = z.output<typeof contributionInput>

/** The closing of an agreement: the day, the rate of a refund (the bank's), a note. */
export const closeInput = z.strictObject({
  agreementId: recordId,
  closedOn: isoDate,
  /** Units of the agreement's currency per euro applied to the refund; the day's rate if empty. */
  rate: optionalRate,
  note: optionalText(2000),
  /** Given once the user has seen the final amount and the refund and confirmed. */
  confirmed: z.boolean({ error: 'validation.invalidType' }).optional(),
})
export type CloseInput = z.input<typeof closeInput>
export type CloseFields = z.output<typeof closeInput>

export interface Contribution {
  id: string
  kind: ContributionKind
  contributedOn: string
  contributor: string
  description: string
  amount: number
  currency: CurrencyCode
  note: string | null
}

/** The closing as it was established: its day and the refund's euro value. */
export interface ClosingRecord {
  id: string
  closedOn: string
  refundEur: number
  refundRate: string
  note: string | null
  /**
   * The conversion rule its frozen figures were counted by: the agreement's rule when it was
   * closed — the bank's for a closing made before the rules counted (or before the agreement's
   * rule changed). Null when the ledger no longer gives its figures by any rule (`aimf check`
   * says so).
   */
  conversionRule: ConversionRule | null
}

/**
 * An agreement's closing statement, in its currency's minor units: established and frozen once
 * closed (`closing` set), otherwise as it would be if closed today.
 */
/** An expense the closing does not count as eligible, and why (closing/spending-eligibility.ts). */
export interface IneligibleSpending {
  sourceTable: string
  sourceId: string
  date: string
  description: string | null
  headingCode: string | null
  /** In the agreement's currency. */
  amount: number
  reason: 'outsidePeriod' | 'headingUnknown' | 'natureNotAllowed'
}

export interface ClosingStatement extends ClosingFigures {
  agreementId: string
  reference: string
  funderName: string
  currency: CurrencyCode
  /** The rule its spending is counted by (the eligible spending is the rule's). */
  conversionRule: ConversionRule
  startsOn: string
  endsOn: string
  ceiling: number
  eligibleSpending: number
  /** Spending charged to the agreement outside its period: not eligible. */
  ineligibleSpending: number
  cashCofinancing: number
  inKind: number
  /**
   * The eligible spending by the agreement's conversion rule less at the bank's rates: the
   * eligible spending above is the rule's; this difference is shown on its own line.
   */
  exchangeDifference: number
  cofinancingBp: number | null
  received: number
  closing: ClosingRecord | null
  contributions: Contribution[]
  /** The spending not counted as eligible, each with its reason (as the ledger holds it now). */
  ineligible: IneligibleSpending[]
}
