import type { CurrencyCode } from '@shared/money/currencies'
import { type Money, money } from '@shared/money/money'

export interface PlanAmount {
  currency: CurrencyCode
  minor: number
  /** The line's value in euro cents, at the rate recorded with it. */
  eur: number
}

export interface PlanBalance {
  comparedIn: CurrencyCode
  total: number
  cost: number
  /** cost − total: what is left to find; negative when the plan is above the cost. */
  difference: number
  balanced: boolean
}

/**
 * Compares a financing plan with the project's cost. When every line is in the project's
 * currency the comparison is exact in that currency; otherwise it is made in euros, where each
 * converted amount may be a cent off its exact value, so a cent per conversion is tolerated.
 */
export async function planBalance(
  project: { currency: string; total_cost_minor: number },
  lines: readonly PlanAmount[],
  euroValue: (amount: Money) => Promise<{ eur: Money }>,
): Promise<PlanBalance> {
  const currency = project.currency as CurrencyCode
  if (lines.every((line) => line.currency === currency)) {
    const total = lines.reduce((sum, line) => sum + line.minor, 0)
    const difference = project.total_cost_minor - total
    return {
      comparedIn: currency,
      total,
      cost: project.total_cost_minor,
      difference,
      balanced: difference === 0,
    }
  }
  const cost = (await euroValue(money(project.total_cost_minor, currency))).eur.minor
  const total = lines.reduce((sum, line) => sum + line.eur, 0)
  const conversions =
    lines.filter((line) => line.currency !== 'EUR').length + (currency === 'EUR' ? 0 : 1)
  const difference = cost - total
  return {
    comparedIn: 'EUR',
    total,
    cost,
    difference,
    balanced: Math.abs(difference) <= conversions,
  }
}
