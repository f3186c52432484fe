import { divideHalfUp } from '../money/decimal'

/** What the closing of an agreement is computed from, in the agreement's minor units. */
export interface ClosingInputs {
  /** What the agreement commits the funder to at most (amendments included). */
  ceiling: number
  /** Spending charged to the agreement within its period (eligible costs borne by the funder). */
  eligibleSpending: number
  /** Eligible costs of the action borne by others (cash co-financing declared). */
  cashCofinancing: number
  /** The co-financing the agreement requires, in basis points of the action's cost; null: none. */
  cofinancingBp: number | null
  /** What the funder paid (receipts net of their cancellations, before any refund). */
  received: number
}

/** The closing statement's figures, in the agreement's minor units. */
export interface ClosingFigures {
  /** The action's eligible costs: the funder-charged spending and the cash co-financing. */
  totalEligible: number
  /** The funder's share of the eligible costs (100 % less the required co-financing). */
  funderShareBp: number | null
  /** That share applied to the eligible costs, rounded half-up to the minor unit. */
  funderShare: number
  /** What the funder finally owes: the least of its ceiling, its spending and its share. */
  finalDue: number
  /** What the AIMF refunds: what was received above the final amount due (0 or more). */
  refund: number
  /** What the funder still has to pay: the final amount due above what it paid (0 or more). */
  stillToReceive: number
}

/**
 * The final amount due by a funder and the balance of the agreement (EU general conditions,
 * art. 17 and 18: the final amount is the funder's rate applied to the eligible costs actually
 * incurred, never above the ceiling; what was paid above it is recovered). The funder cannot owe
 * more than the spending charged to it either: its share of costs borne by others is not its
 * money to pay. In-kind contributions take no part: they are not eligible costs.
 * Rounding: the share is rounded half-up once, on the total (shared/money's one rule).
 */
export function closingFigures(inputs: ClosingInputs): ClosingFigures {
  const totalEligible = inputs.eligibleSpending + inputs.cashCofinancing
  const funderShareBp = inputs.cofinancingBp === null ? null : 10_000 - inputs.cofinancingBp
  const funderShare =
    funderShareBp === null
      ? totalEligible
      : Number(divideHalfUp(BigInt(totalEligible) * BigInt(funderShareBp), 10_000n))
  const finalDue = Math.max(0, Math.min(inputs.ceiling, inputs.eligibleSpending, funderShare))
  const balance = inputs.received - finalDue
  return {
    totalEligible,
    funderShareBp,
    funderShare,
    finalDue,
    refund: Math.max(0, balance),
    stillToReceive: Math.max(0, -balance),
  }
}
