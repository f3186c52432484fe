import { describe, expect, it } from 'vitest'
import { money } from '@shared/money/money'
import {
  aboveDueWarnings,
  aboveUsualWarnings,
  currencyWarnings,
  dateWarnings,
  planBalanceWarnings,
  usualAmount,
  yearBefore,
} from '@shared/plausibility/warnings'

const eur = (minor: number) => money(minor, 'EUR')

describe('plausibility rules, on hand-made figures', () => {
  it('a money date is unlikely after today or more than a year before it', () => {
    const today = '2026-12-04'
    expect(dateWarnings('receivedOn', '2026-12-04', today)).toEqual([])
    expect(dateWarnings('receivedOn', '2025-12-04', today)).toEqual([])
    expect(dateWarnings('receivedOn', '2026-12-05', today)).toEqual([
      {
        path: 'receivedOn',
        key: 'plausibility.futureDate',
        params: { date: { day: '2026-12-05' } },
      },
    ])
    expect(dateWarnings('paidOn', '2031-01-01', today)[0]?.key).toBe('plausibility.futureDate')
    expect(dateWarnings('paidOn', '2025-12-03', today)).toEqual([
      { path: 'paidOn', key: 'plausibility.oldDate', params: { date: { day: '2025-12-03' } } },
    ])
    // A year before 29 February is 28 February.
    expect(yearBefore('2028-02-29')).toBe('2027-02-28')
    expect(dateWarnings('d', '2027-02-28', '2028-02-29')).toEqual([])
    expect(dateWarnings('d', '2027-02-27', '2028-02-29')[0]?.key).toBe('plausibility.oldDate')
  })

  it('an amount above what is due says by how much; at or under it, nothing', () => {
    // 5 000 000,00 € paid for a call of 1 320,00 €: 4 998 680,00 € too much.
    expect(aboveDueWarnings('amount', eur(500_000_000), eur(132_000))).toEqual([
      {
        path: 'amount',
        key: 'plausibility.aboveDue',
        params: { amount: eur(500_000_000), due: eur(132_000), excess: eur(499_868_000) },
      },
    ])
    expect(aboveDueWarnings('amount', eur(132_000), eur(132_000))).toEqual([])
    expect(aboveDueWarnings('amount', eur(132_001), eur(132_000))[0]?.params.excess).toEqual(eur(1))
    // Not comparable across currencies: the currency rule speaks instead.
    expect(aboveDueWarnings('amount', money(900_000, 'XOF'), eur(132_000))).toEqual([])
  })

  it('the usual amount is the median of earlier ones of the same currency', () => {
    expect(usualAmount([], 'EUR')).toBeNull()
    expect(usualAmount([eur(100), eur(300), eur(200)], 'EUR')).toEqual(eur(200))
    expect(usualAmount([eur(100), eur(300), eur(200), eur(1_000_000)], 'EUR')).toEqual(eur(250))
    expect(usualAmount([eur(100), money(5, 'USD')], 'USD')).toEqual(money(5, 'USD'))
    expect(usualAmount([eur(0), eur(-5)], 'EUR')).toBeNull()
  })

  it('an amount more than ten times the usual is unlikely; exactly ten times is not', () => {
    const previous = [eur(132_000), eur(132_000), eur(150_000)]
    expect(aboveUsualWarnings('amount', eur(1_320_000), previous)).toEqual([])
    expect(aboveUsualWarnings('amount', eur(1_320_001), previous)).toEqual([
      {
        path: 'amount',
        key: 'plausibility.aboveUsual',
        params: { amount: eur(1_320_001), usual: eur(132_000), factor: 10 },
      },
    ])
    expect(aboveUsualWarnings('amount', eur(1_000_000_000), [])).toEqual([])
  })

  it('a payment in a currency none of its calls is in', () => {
    expect(currencyWarnings('currency', 'USD', ['XOF', 'XOF'])).toEqual([
      {
        path: 'currency',
        key: 'plausibility.currencyUnlikeCall',
        params: { paid: 'USD', called: 'XOF' },
      },
    ])
    expect(currencyWarnings('currency', 'EUR', ['USD', 'EUR'])).toEqual([])
    expect(currencyWarnings('currency', 'EUR', [])).toEqual([])
    // Francs CFA for calls in euros (or the other way round) are the same money at a fixed parity.
    expect(currencyWarnings('currency', 'XOF', ['EUR'])).toEqual([])
    expect(currencyWarnings('currency', 'EUR', ['XAF'])).toEqual([])
    expect(currencyWarnings('currency', 'XAF', ['XOF'])).toEqual([])
  })

  it('a plan short of or above the cost, with the gap', () => {
    expect(planBalanceWarnings(eur(8_000_000), eur(10_000_000))).toEqual([
      {
        path: 'to',
        key: 'plausibility.planShort',
        params: { planned: eur(8_000_000), cost: eur(10_000_000), gap: eur(2_000_000) },
      },
    ])
    expect(planBalanceWarnings(eur(12_000_000), eur(10_000_000))[0]).toMatchObject({
      key: 'plausibility.planOver',
      params: { gap: eur(2_000_000) },
    })
    expect(planBalanceWarnings(eur(10_000_000), eur(10_000_000))).toEqual([])
  })

  it('over many drawn dates, a date warns exactly when it is outside the year up to today', () => {
    const today = '2026-12-04'
    let seed = 7
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31)
    for (let i = 0; i < 500; i++) {
      const day = new Date(Date.UTC(2023, 0, 1) + (next() % (365 * 8)) * 86_400_000)
        .toISOString()
        .slice(0, 10)
      const warned = dateWarnings('d', day, today).length > 0
      expect(warned, day).toBe(day > today || day < '2025-12-04')
    }
  })
})
