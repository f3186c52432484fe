import { describe, expect, it } from 'vitest'
import {
  type SpendingToConvert,
  convertByRule,
  differenceAgainstBank,
} from '../../electron/main/funds/conversion/convert-by-rule'
import { atReceiptsRate, impliedRate } from '@shared/money/exchange'

/**
 * A USD agreement; the AIMF spends euros. Bank rates: 1.10 USD/€ in January and February,
 * 1.08 in March, 1.12 in April. Receipts: 55,000 USD on 20 January (50,000.00 €), 21,600 USD on
 * 5 March (20,000.00 €). InforEuro: 1.0950 for February 2026, 1.1150 for April 2026.
 */
const spending: SpendingToConvert[] = [
  // 11,000 € on 10 February, 12,100.00 USD at the bank's 1.10.
  {
    entryDate: '2026-02-10',
    amount: 1_210_000,
    eur: 1_100_000,
    paidCurrency: 'EUR',
    paidAmount: 1_100_000,
  },
  // 40,000 € on 15 April, 44,800.00 USD at 1.12.
  {
    entryDate: '2026-04-15',
    amount: 4_480_000,
    eur: 4_000_000,
    paidCurrency: 'EUR',
    paidAmount: 4_000_000,
  },
  // 25,000 € on 20 April, 28,000.00 USD at 1.12.
  {
    entryDate: '2026-04-20',
    amount: 2_800_000,
    eur: 2_500_000,
    paidCurrency: 'EUR',
    paidAmount: 2_500_000,
  },
]
const receipts = [
  { receivedOn: '2026-01-20', amount: 5_500_000, eur: 5_000_000 },
  { receivedOn: '2026-03-05', amount: 2_160_000, eur: 2_000_000 },
]
const INFOREURO: Record<string, string> = { 'USD|2026-02': '1.0950', 'USD|2026-04': '1.1150' }
const inforEuro = (currency: string, month: string) => INFOREURO[`${currency}|${month}`] ?? null

const amounts = (rule: Parameters<typeof convertByRule>[0]) =>
  convertByRule(rule, 'USD', spending, receipts, inforEuro).map((c) => c.amount)

describe('conversion rules of an agreement, computed by hand', () => {
  it('the bank’s rate of the day keeps the ledger’s amounts: no difference', () => {
    const converted = convertByRule('day_rate', 'USD', spending, receipts, inforEuro)
    expect(converted.map((c) => c.amount)).toEqual([1_210_000, 4_480_000, 2_800_000])
    expect(differenceAgainstBank(spending, converted)).toBe(0)
  })

  it('InforEuro of the month: 11,000 × 1.095, 40,000 × 1.115, 25,000 × 1.115', () => {
    const converted = convertByRule('inforeuro_month', 'USD', spending, receipts, inforEuro)
    expect(converted.map((c) => c.amount)).toEqual([1_204_500, 4_460_000, 2_787_500])
    expect(converted.map((c) => c.rate)).toEqual(['1.0950', '1.1150', '1.1150'])
    // 84,520.00 − 84,900.00
    expect(differenceAgainstBank(spending, converted)).toBe(-38_000)
  })

  it('weighted average of the receipts to the day: 1.10, then 76,600 / 70,000', () => {
    expect(amounts('receipts_average')).toEqual([
      1_210_000,
      // 40,000 × 76,600 / 70,000 = 43,771.428… → 43,771.43
      4_377_143,
      // 25,000 × 76,600 / 70,000 = 27,357.142… → 27,357.14
      2_735_714,
    ])
    const converted = convertByRule('receipts_average', 'USD', spending, receipts, inforEuro)
    expect(converted[1]?.rate).toBe('1.094286')
    // 83,228.57 − 84,900.00
    expect(differenceAgainstBank(spending, converted)).toBe(-167_143)
  })

  it('first in, first out: each receipt used up at its own rate, the rest at the bank’s', () => {
    const converted = convertByRule('receipts_fifo', 'USD', spending, receipts, inforEuro)
    // 11,000 € from the first receipt: 12,100.00. Then its last 39,000 € (42,900.00 USD) and
    // 1,000 € of the second (1,080.00): 43,980.00. Then the second's last 19,000 € (20,520.00)
    // and 6,000 € beyond every receipt at the bank's 1.12 (6,720.00): 27,240.00.
    expect(converted.map((c) => c.amount)).toEqual([1_210_000, 4_398_000, 2_724_000])
    expect(converted[2]?.fallback).toEqual({
      reason: 'noReceipt',
      currency: 'USD',
      period: '2026-04-20',
    })
    expect(differenceAgainstBank(spending, converted)).toBe(-158_000)
  })

  it('a receipt used up to its last cent gives exactly its amount, whatever the rounding', () => {
    // 100.00 USD for 33.33 € (a rate of 3.000300…): spent in three cents-odd pieces.
    const lot = [{ receivedOn: '2026-01-01', amount: 10_000, eur: 3_333 }]
    const pieces: SpendingToConvert[] = [1_111, 1_111, 1_111].map((eur, i) => ({
      entryDate: `2026-02-0${i + 1}`,
      amount: eur * 3,
      eur,
      paidCurrency: 'EUR',
      paidAmount: eur,
    }))
    const converted = convertByRule('receipts_fifo', 'USD', pieces, lot, inforEuro)
    expect(converted.reduce((sum, c) => sum + c.amount, 0)).toBe(10_000)
    expect(converted.map((c) => c.amount)).toEqual([3_333, 3_333, 3_334])
  })

  it('a month without an InforEuro rate keeps the bank’s amount and says which', () => {
    const march: SpendingToConvert = {
      entryDate: '2026-03-20',
      amount: 108_000,
      eur: 100_000,
      paidCurrency: 'EUR',
      paidAmount: 100_000,
    }
    const [converted] = convertByRule('inforeuro_month', 'USD', [march], receipts, inforEuro)
    expect(converted).toEqual({
      amount: 108_000,
      rate: null,
      fallback: { reason: 'noInforEuroRate', currency: 'USD', period: '2026-03' },
    })
  })

  it('a euro agreement paying in dollars: the dollars at InforEuro, francs CFA at parity', () => {
    const paid: SpendingToConvert[] = [
      // 1,115.00 USD in April: 1,000.00 € at 1.1150 (the bank had 1.12: 995.54 €).
      {
        entryDate: '2026-04-02',
        amount: 99_554,
        eur: 99_554,
        paidCurrency: 'USD',
        paidAmount: 111_500,
      },
      // 655,957 XOF: 1,000.00 € whatever the rule.
      {
        entryDate: '2026-04-03',
        amount: 100_000,
        eur: 100_000,
        paidCurrency: 'XOF',
        paidAmount: 655_957,
      },
    ]
    const converted = convertByRule('inforeuro_month', 'EUR', paid, [], inforEuro)
    expect(converted.map((c) => c.amount)).toEqual([100_000, 100_000])
    expect(differenceAgainstBank(paid, converted)).toBe(446)
    // The rules over receipts have nothing to convert in euros: the euros that left stand.
    expect(
      convertByRule('receipts_average', 'EUR', paid, [], inforEuro).map((c) => c.amount),
    ).toEqual([99_554, 100_000])
  })

  it('a spending paid in the agreement’s own currency needs no rate under any rule', () => {
    const dollars: SpendingToConvert = {
      entryDate: '2026-04-15',
      amount: 50_000,
      eur: 44_643,
      paidCurrency: 'USD',
      paidAmount: 50_000,
    }
    for (const rule of ['inforeuro_month', 'receipts_average', 'receipts_fifo'] as const)
      expect(convertByRule(rule, 'USD', [dollars], receipts, inforEuro)[0]?.amount).toBe(50_000)
  })

  it('the money module converts at a receipts rate with one half-up rounding', () => {
    expect(atReceiptsRate(1, 1, 2)).toBe(1)
    expect(atReceiptsRate(-1, 1, 2)).toBe(-1)
    expect(impliedRate(7_660_000, 'USD', 7_000_000)).toBe('1.094286')
    // 1,000,000 RWF (no minor unit) for 625.00 €: 1,600 francs per euro.
    expect(impliedRate(1_000_000, 'RWF', 62_500)).toBe('1600.000000')
  })
})
