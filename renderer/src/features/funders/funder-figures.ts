import type { Agreement } from '@shared/funds/schema'
import { totalsByCurrency } from '@shared/lists/list-figures'
import { type Money, money } from '@shared/money/money'

type Figure = 'committed' | 'received' | 'available'

/**
 * Each funder's committed, received and available money in euros: the sum of the positions of
 * its agreements as the core derives them from the ledger (nothing recomputed here).
 */
export function funderFigures(
  agreements: readonly Agreement[],
): Map<string, Record<Figure, Money>> {
  const byFunder = new Map<string, Agreement[]>()
  for (const agreement of agreements) {
    byFunder.set(agreement.funderId, [...(byFunder.get(agreement.funderId) ?? []), agreement])
  }
  const figures = new Map<string, Record<Figure, Money>>()
  for (const [funderId, own] of byFunder) {
    const total = (figure: Figure) =>
      totalsByCurrency(own.map((a) => money(a.figuresEur[figure], 'EUR')))[0] ?? money(0, 'EUR')
    figures.set(funderId, {
      committed: total('committed'),
      received: total('received'),
      available: total('available'),
    })
  }
  return figures
}
