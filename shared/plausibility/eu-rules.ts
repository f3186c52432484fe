import { divideHalfUp } from '../money/decimal'
import { type Money, money } from '../money/money'
import type { PlausibilityWarning } from './warnings'

/*
 * Two rules of the EU's grant contracts (PRAG general conditions), used both where money is
 * entered (a warning to confirm) and on the donor report (a note): a heading may exceed its
 * budget by at most 25 % without an amendment (art. 9), and a further pre-financing is asked only
 * once 70 % of the last payment (and all of the earlier ones) is spent (art. 15).
 */

/** The most a heading may reach without an amendment: its budget and 25 % (rounded down). */
export function flexibilityLimit(budget: number): number {
  return Math.floor((budget * 125) / 100)
}

/** Whether a heading's spending is more than 25 % above its budget (a budget of 0 never is). */
export function beyondFlexibility(spent: number, budget: number): boolean {
  return budget > 0 && spent * 100 > budget * 125
}

/** The heading an expense is charged to, in the agreement's currency. */
export interface HeadingCharge {
  code: string
  label: string
  budget: Money
  /** What the heading holds already (net of cancellations). */
  spent: Money
  /** The expense being entered, converted to the agreement's currency. */
  amount: Money
}

/** An expense that would take its heading more than 25 % above its budget. */
export function headingFlexibilityWarnings(
  path: string,
  charge: HeadingCharge,
): PlausibilityWarning[] {
  const total = charge.spent.minor + charge.amount.minor
  if (!beyondFlexibility(total, charge.budget.minor)) return []
  const currency = charge.budget.currency
  const limit = flexibilityLimit(charge.budget.minor)
  return [
    {
      path,
      key: 'plausibility.headingFlexibility',
      params: {
        code: charge.code,
        label: charge.label,
        budget: charge.budget,
        limit: money(limit, currency),
        total: money(total, currency),
        excess: money(total - limit, currency),
      },
    },
  ]
}

/**
 * The spending a further pre-financing needs: all the earlier payments and 70 % of the last
 * (rounded half-up). Null before the first payment.
 */
export function prefinancingThreshold(
  receipts: readonly number[],
): { last: number; threshold: number } | null {
  const last = receipts.at(-1) ?? 0
  if (receipts.length === 0 || last <= 0) return null
  const earlier = receipts.slice(0, -1).reduce((sum, r) => sum + r, 0)
  return { last, threshold: earlier + Number(divideHalfUp(BigInt(last) * 7n, 10n)) }
}

/**
 * A further payment received while less than 70 % of the last one is spent: the funder would
 * not have paid it on a request, so it is more likely a mistake (a wrong agreement, a duplicate).
 */
export function prefinancingWarnings(
  path: string,
  receipts: readonly Money[],
  spent: Money,
): PlausibilityWarning[] {
  const test = prefinancingThreshold(receipts.map((r) => r.minor))
  if (!test || spent.minor >= test.threshold) return []
  const currency = spent.currency
  return [
    {
      path,
      key: 'plausibility.prefinancingEarly',
      params: {
        spent,
        threshold: money(test.threshold, currency),
        last: money(test.last, currency),
        missing: money(test.threshold - spent.minor, currency),
      },
    },
  ]
}
