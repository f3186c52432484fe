import { type Money, money } from './money'

/**
 * Splits an amount into parts proportional to whole-number weights, so that the parts always
 * add up to the whole: the minor units left over by the division go one each to the parts with
 * the largest remainders, earlier parts first on ties (largest remainder method).
 *
 * 100,000 XOF by [1, 1, 1] → 33,334 / 33,333 / 33,333.
 */
export function allocate(total: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) throw new RangeError('Nothing to split into')
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new RangeError('Weights must be whole numbers, zero or more')
  }
  const weightSum = weights.reduce((a, b) => a + BigInt(b), 0n)
  if (weightSum === 0n) throw new RangeError('At least one weight must be positive')

  const sign = total.minor < 0 ? -1n : 1n
  const whole = BigInt(total.minor) * sign
  const shares = weights.map((w, index) => {
    const exact = whole * BigInt(w)
    return { index, floor: exact / weightSum, remainder: exact % weightSum }
  })
  let leftover = whole - shares.reduce((a, s) => a + s.floor, 0n)
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  )
  for (const share of byRemainder) {
    if (leftover === 0n) break
    share.floor += 1n
    leftover -= 1n
  }
  return shares.map((s) => money(Number(s.floor * sign), total.currency))
}

/** Splits an amount into `count` parts as equal as the minor unit allows. */
export function split(total: Money, count: number): Money[] {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError('count must be ≥ 1')
  return allocate(
    total,
    Array.from({ length: count }, () => 1),
  )
}
