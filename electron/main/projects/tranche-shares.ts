import type { z } from 'zod'
import { fieldFailure } from '../failure'
import type { LineFigures } from '../funds/ledger'
import { readAmount } from '../funds/money-input'
import type { CurrencyCode } from '@shared/money/currencies'
import { fromEuro, toEuro } from '@shared/money/exchange'
import { type Money, money } from '@shared/money/money'
import { allocate } from '@shared/money/split'
import type { tranchePaymentInput } from '@shared/projects/schema'

/** A committed line of a project's plan, as a payment draws on it. */
export interface CommittedLine {
  id: string
  currency: string
  source: string
  agreement_id: string | null
  earmarking: string | null
}

/** One line's part of a tranche's payment: what it posts to the ledger. */
export interface TranchePart {
  lineId: string
  agreementId: string | null
  fundClass: 'tied' | 'untied'
  native: Money
  eur: Money
  rate: string
}

/**
 * How a payment is shared among the committed AIMF lines (in the plan's order): in proportion
 * to what each still has to pay (or as chosen), each share in its line's currency and in euros.
 * Refused when a line would pay more than it still holds. `rateOf` gives a currency's rate on
 * the day paid (refusing a missing one). The service and the import's set writer both share a
 * payment this way, from the lines and figures each has read.
 */
export async function trancheShares(
  lines: readonly CommittedLine[],
  figures: ReadonlyMap<string, LineFigures>,
  rateOf: (currency: CurrencyCode) => Promise<string>,
  paid: Money,
  paidEur: Money,
  fields: Pick<z.output<typeof tranchePaymentInput>, 'split'>,
): Promise<TranchePart[]> {
  // What each line still has to pay, in the payment's currency at the day's rates: a line in
  // that currency compares exactly, whatever the rate was when it was committed.
  const paidRate = await rateOf(paid.currency)
  const open: (CommittedLine & {
    currency: CurrencyCode
    rate: string
    remaining: number
    remainingPaid: number
  })[] = []
  for (const line of lines) {
    const f = figures.get(line.id)
    const remaining = (f?.allocated ?? 0) - (f?.disbursed ?? 0)
    if (remaining <= 0) continue
    const currency = line.currency as CurrencyCode
    const rate = await rateOf(currency)
    const remainingPaid =
      currency === paid.currency
        ? remaining
        : fromEuro(toEuro(money(remaining, currency), rate), paid.currency, paidRate).minor
    open.push({ ...line, currency, rate, remaining, remainingPaid })
  }
  const remainingTotal = open.reduce((sum, line) => sum + line.remainingPaid, 0)
  if (open.length === 0 || paid.minor > remainingTotal) {
    throw fieldFailure('CONFLICT', 'amount', 'errors.trancheAboveCommitted', {
      paid,
      remaining: money(Math.max(0, remainingTotal), paid.currency),
    })
  }

  let weights = open.map((line) => line.remainingPaid)
  if (fields.split) {
    const chosen = new Map(
      fields.split.map((s) => [s.lineId, readAmount(s.amount, paid.currency, 'split', 'any')]),
    )
    if ([...chosen.keys()].some((lineId) => !open.some((line) => line.id === lineId))) {
      throw fieldFailure('VALIDATION', 'split', 'errors.splitUnknownLine')
    }
    const sum = [...chosen.values()].reduce((total, part) => total + part.minor, 0)
    if (sum !== paid.minor) {
      throw fieldFailure('VALIDATION', 'split', 'errors.splitNotTotal', {
        paid,
        sum: money(sum, paid.currency),
      })
    }
    // A split that is the pro rata one is shared as such: its euros then fall exactly as the
    // pro rata payment's (a workbook gives back every paid tranche's split).
    const proRata = allocate(paid, weights)
    const chosenWeights = open.map((line) => chosen.get(line.id)?.minor ?? 0)
    if (chosenWeights.some((minor, index) => minor !== proRata[index]?.minor))
      weights = chosenWeights
  }
  const nativeParts = allocate(paid, weights)
  const eurParts = allocate(paidEur, weights)
  const parts: TranchePart[] = []
  for (const [index, line] of open.entries()) {
    const eur = eurParts[index] ?? money(0, 'EUR')
    const part = nativeParts[index] ?? money(0, paid.currency)
    if (part.minor === 0) continue
    const native = line.currency === paid.currency ? part : fromEuro(eur, line.currency, line.rate)
    if (native.minor > line.remaining) {
      throw fieldFailure('CONFLICT', 'amount', 'errors.trancheAboveCommitted', {
        paid,
        remaining: money(Math.max(0, remainingTotal), paid.currency),
      })
    }
    parts.push({
      lineId: line.id,
      agreementId: line.agreement_id,
      fundClass: line.source === 'untied_fund' || line.earmarking === 'untied' ? 'untied' : 'tied',
      native,
      eur,
      rate: line.rate,
    })
  }
  return parts
}
