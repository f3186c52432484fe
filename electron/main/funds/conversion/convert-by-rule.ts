import type { ConversionFallback, ConversionRule } from '@shared/funds/conversion-rule'
import { BASE_CURRENCY, type CurrencyCode } from '@shared/money/currencies'
import {
  type RateText,
  atReceiptsRate,
  fixedParity,
  fromEuro,
  impliedRate,
  toEuro,
} from '@shared/money/exchange'
import { money } from '@shared/money/money'

/** One spending of an agreement as the ledger holds it. */
export interface SpendingToConvert {
  entryDate: string
  /** In the agreement's currency, at the bank's rate of the day (the ledger's amount). */
  amount: number
  /** Its euro value: the euros that actually left, at the bank's rate of the day. */
  eur: number
  /** The currency the money was paid in, and the amount in it. */
  paidCurrency: CurrencyCode
  paidAmount: number
}

/** One receipt of the agreement: what the funder sent and the euros it made. */
export interface ReceiptLot {
  receivedOn: string
  amount: number
  eur: number
}

/** The InforEuro rate of a currency for a month (YYYY-MM), if imported. */
export type InforEuroRates = (currency: CurrencyCode, month: string) => RateText | null

export interface ConvertedSpending {
  /** In the agreement's currency, by its rule. */
  amount: number
  /** The rule's rate per euro of the agreement's currency, for printing; null where none applies. */
  rate: RateText | null
  fallback: ConversionFallback | null
}

/**
 * Every spending of an agreement in its currency by the agreement's rule (spending in date
 * order, receipts in date order). A spending paid in the agreement's own currency needs no
 * rate. Where the rule cannot be applied (no InforEuro rate for the month, no receipt yet) the
 * bank's amount is kept and the fallback said, never guessed.
 *
 * The rules over receipts convert the euros that actually left at the rate the funder's money
 * actually made: they apply to the agreement currency's side only.
 */
export function convertByRule(
  rule: ConversionRule,
  currency: CurrencyCode,
  spending: readonly SpendingToConvert[],
  receipts: readonly ReceiptLot[],
  inforEuro: InforEuroRates,
): ConvertedSpending[] {
  const atBank = (s: SpendingToConvert, fallback: ConversionFallback | null = null) => ({
    amount: s.amount,
    rate: null,
    fallback,
  })
  switch (rule) {
    case 'day_rate':
      return spending.map((s) => atBank(s))
    case 'inforeuro_month':
      return spending.map((s) => (s.paidCurrency === currency ? atBank(s) : byInforEuro(s)))
    case 'receipts_average':
      return spending.map((s) =>
        s.paidCurrency === currency || currency === BASE_CURRENCY
          ? atBank(s)
          : byAverage(s, receipts, currency),
      )
    case 'receipts_fifo':
      return byFifo(spending, receipts, currency)
  }

  function byInforEuro(s: SpendingToConvert): ConvertedSpending {
    const month = s.entryDate.slice(0, 7)
    const missing = (of: CurrencyCode) =>
      atBank(s, { reason: 'noInforEuroRate', currency: of, period: month })
    // Euros and francs CFA are worth what they are; another currency at its month's rate.
    let eur = s.eur
    if (s.paidCurrency !== BASE_CURRENCY && !fixedParity(s.paidCurrency)) {
      const paidRate = inforEuro(s.paidCurrency, month)
      if (!paidRate) return missing(s.paidCurrency)
      eur = toEuro(money(s.paidAmount, s.paidCurrency), paidRate).minor
    }
    if (currency === BASE_CURRENCY) return { amount: eur, rate: null, fallback: null }
    const rate = fixedParity(currency) ?? inforEuro(currency, month)
    if (!rate) return missing(currency)
    return {
      amount: fromEuro(money(eur, BASE_CURRENCY), currency, rate).minor,
      rate,
      fallback: null,
    }
  }
}

/**
 * The weighted average of the receipts to the day of the spending (the funds converted when it
 * was paid); a spending before any receipt takes the average of all receipts of the report.
 */
function byAverage(
  s: SpendingToConvert,
  receipts: readonly ReceiptLot[],
  currency: CurrencyCode,
): ConvertedSpending {
  const before = receipts.filter((r) => r.receivedOn <= s.entryDate)
  const lots = before.length > 0 ? before : receipts
  const received = lots.reduce((sum, r) => sum + r.amount, 0)
  const receivedEur = lots.reduce((sum, r) => sum + r.eur, 0)
  if (lots.length === 0 || received <= 0 || receivedEur <= 0) {
    return {
      amount: s.amount,
      rate: null,
      fallback: { reason: 'noReceipt', currency, period: s.entryDate },
    }
  }
  return {
    amount: atReceiptsRate(s.eur, received, receivedEur),
    rate: impliedRate(received, currency, receivedEur),
    fallback: null,
  }
}

/**
 * First in, first out: each spending's euros use up the oldest receipt not yet spent, at that
 * receipt's own rate; a receipt used up to its last cent gives exactly its amount (no rounding
 * left over). Euros beyond every receipt keep the bank's rate of the day, and say so.
 */
function byFifo(
  spending: readonly SpendingToConvert[],
  receipts: readonly ReceiptLot[],
  currency: CurrencyCode,
): ConvertedSpending[] {
  const lots = receipts
    .filter((r) => r.amount > 0 && r.eur > 0)
    .map((r) => ({ ...r, eurLeft: r.eur, amountLeft: r.amount }))
  let next = 0
  return spending.map((s) => {
    if (s.paidCurrency === currency || currency === BASE_CURRENCY)
      return { amount: s.amount, rate: null, fallback: null }
    let eurLeft = s.eur
    let amount = 0
    const rates = new Set<string>()
    while (eurLeft > 0 && next < lots.length) {
      const lot = lots[next]
      if (!lot) break
      rates.add(impliedRate(lot.amount, currency, lot.eur))
      if (eurLeft >= lot.eurLeft) {
        amount += lot.amountLeft
        eurLeft -= lot.eurLeft
        next += 1
        continue
      }
      const part = atReceiptsRate(eurLeft, lot.amount, lot.eur)
      amount += part
      lot.eurLeft -= eurLeft
      lot.amountLeft -= part
      eurLeft = 0
    }
    if (eurLeft === 0)
      return { amount, rate: rates.size === 1 ? ([...rates][0] ?? null) : null, fallback: null }
    // Beyond the receipts: the rest at the bank's rate of the day, in proportion.
    amount += atReceiptsRate(eurLeft, s.amount, s.eur)
    return {
      amount,
      rate: null,
      fallback: { reason: 'noReceipt', currency, period: s.entryDate },
    }
  })
}

/** The exchange difference of converted spending against the bank's amounts. */
export function differenceAgainstBank(
  spending: readonly SpendingToConvert[],
  converted: readonly ConvertedSpending[],
): number {
  return converted.reduce((sum, c, i) => sum + c.amount - (spending[i]?.amount ?? 0), 0)
}
