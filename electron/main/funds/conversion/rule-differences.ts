import type { DataFile } from '../../db/data-file'
import type { ExchangeDifference } from '@shared/funds/conversion-rule'
import { type Earmarking, type FundClass, fundClassOf } from '@shared/funds/fund-class'
import type { CurrencyCode } from '@shared/money/currencies'
import { convertAgreementSpending, spendingToConvert } from './agreement-conversion'
import { euroAtOwnRate } from './spending-by-rule'

type Db = DataFile['db']

/** One spending's exchange difference: its amount by the agreement's rule less the bank's. */
export interface SpendingDifference {
  entryDate: string
  /** In the agreement's currency (minor units). */
  minor: number
  /** In euro cents, at the bank's rate of the spending's day (the ledger's own rate). */
  eur: number
}

/** The differences of one agreement whose rule is not the bank's rate of the day. */
export interface AgreementDifferences {
  agreementId: string
  fundClass: FundClass
  spending: SpendingDifference[]
}

/**
 * The exchange differences of every agreement converted by a rule other than the bank's rate
 * of the day, spending to `asOf` (receipts to that day too: the rules over receipts depend on
 * them). Under the day's rate there is none: those agreements are not read at all.
 *
 * The rule says what the funder counts as spent, in the agreement's currency; its euro value is
 * that amount at the bank's rate of the day the money left, the ledger's rate for that entry
 * (one half-up rounding per spending). So an agreement's euro figures by its rule and its
 * difference line add up, to the cent, to the ledger's euros.
 */
export async function ruleDifferences(
  db: Db,
  asOf: string,
  agreementIds?: readonly string[],
): Promise<Map<string, AgreementDifferences>> {
  if (agreementIds?.length === 0) return new Map()
  let query = db
    .selectFrom('agreements')
    .select(['id', 'currency', 'conversion_rule', 'earmarking'])
    .where('conversion_rule', '!=', 'day_rate')
  if (agreementIds) query = query.where('id', 'in', agreementIds)
  const result = new Map<string, AgreementDifferences>()
  for (const row of await query.execute()) {
    const agreement = {
      id: row.id,
      currency: row.currency as CurrencyCode,
      conversionRule: row.conversion_rule,
    }
    const spending = await spendingToConvert(db, row.id, asOf)
    const converted = await convertAgreementSpending(db, agreement, spending, asOf)
    result.set(row.id, {
      agreementId: row.id,
      fundClass: fundClassOf(row.earmarking as Earmarking),
      spending: spending.map((s, i) => {
        const minor = (converted[i]?.amount ?? s.amount) - s.amount
        return { entryDate: s.entryDate, minor, eur: euroAtOwnRate(minor, s.eur, s.amount) }
      }),
    })
  }
  return result
}

/** The differences of spending dated within [from, to], added up. */
export function differenceBetween(
  differences: AgreementDifferences | undefined,
  from: string,
  to: string,
): ExchangeDifference {
  const total = { minor: 0, eur: 0 }
  for (const s of differences?.spending ?? []) {
    if (s.entryDate < from || s.entryDate > to) continue
    total.minor += s.minor
    total.eur += s.eur
  }
  return total
}

/** Figures of a fund as the ledger holds them, moved to the rule: spent by it, available after it. */
export function figuresByRule<F extends { spent: number; available: number }>(
  figures: F,
  difference: number,
): F {
  return {
    ...figures,
    spent: figures.spent + difference,
    available: figures.available - difference,
  }
}

/**
 * The dashboard's differences per class of funds, in euro cents: of the spending within the
 * period (from `from` to `asOf`), and of all spending to `asOf` (what is held at its end).
 */
export async function classDifferences(
  db: Db,
  from: string,
  asOf: string,
): Promise<Record<FundClass, { period: number; held: number }>> {
  const byClass = { tied: { period: 0, held: 0 }, untied: { period: 0, held: 0 } }
  for (const differences of (await ruleDifferences(db, asOf)).values()) {
    byClass[differences.fundClass].period += differenceBetween(differences, from, asOf).eur
    byClass[differences.fundClass].held += differenceBetween(differences, '0000-01-01', asOf).eur
  }
  return byClass
}
