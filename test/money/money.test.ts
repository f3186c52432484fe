import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CURRENCY_CODES,
  allocate,
  convert,
  divideHalfUp,
  formatMoney,
  fromEuro,
  money,
  parseAmount,
  parseRate,
  split,
  toEuro,
} from '@shared/money'

describe('conversion at the fixed CFA parity', () => {
  it('12,345.67 EUR is 8,098,229 XOF', () => {
    expect(fromEuro(money(1_234_567, 'EUR'), 'XOF')).toEqual(money(8_098_229, 'XOF'))
  })
  it('1,000,000 XOF is 1,524.49 EUR (divided by the rate, never multiplied by its inverse)', () => {
    expect(toEuro(money(1_000_000, 'XOF'))).toEqual(money(152_449, 'EUR'))
  })
  it('XAF has the same parity', () => {
    expect(toEuro(money(655_957, 'XAF'))).toEqual(money(100_000, 'EUR'))
  })
  it('XOF to XAF goes through the two rates with one rounding', () => {
    expect(convert(money(1_000, 'XOF'), 'XAF', { fromRate: '655.957', toRate: '655.957' })).toEqual(
      money(1_000, 'XAF'),
    )
  })
  it('a dated rate with many decimals stays exact', () => {
    // 1,000.00 USD at 1.0823 USD per EUR = 923.96 EUR (923.9582...)
    expect(toEuro(money(100_000, 'USD'), '1.0823')).toEqual(money(92_396, 'EUR'))
    // TND has three decimals: 1 EUR at 3.3912 TND = 3.391 TND (3.3912 rounded)
    expect(fromEuro(money(100, 'EUR'), 'TND', '3.3912')).toEqual(money(3_391, 'TND'))
  })
  it('refuses a missing, zero or malformed rate', () => {
    expect(() => toEuro(money(100, 'USD'))).toThrow(RangeError)
    expect(() => toEuro(money(100, 'USD'), '0')).toThrow(RangeError)
    expect(parseRate('1e3')).toBeNull()
    expect(parseRate('-1.2')).toBeNull()
    expect(parseRate('0.0000')).toBeNull()
    expect(parseRate('655.957')).toEqual({ mantissa: 655_957n, scale: 3 })
  })
})

describe('half-up rounding', () => {
  it('rounds halves away from zero, in both directions', () => {
    expect(divideHalfUp(5n, 2n)).toBe(3n)
    expect(divideHalfUp(-5n, 2n)).toBe(-3n)
    expect(divideHalfUp(4n, 3n)).toBe(1n)
    expect(divideHalfUp(-4n, 3n)).toBe(-1n)
    expect(divideHalfUp(7n, -2n)).toBe(-4n)
  })
})

describe('splitting', () => {
  it('100,000 XOF in 3 parts is 33,334 / 33,333 / 33,333', () => {
    expect(split(money(100_000, 'XOF'), 3).map((m) => m.minor)).toEqual([33_334, 33_333, 33_333])
  })
  it('splits pro rata by weights', () => {
    expect(allocate(money(1_000, 'EUR'), [1, 2, 2]).map((m) => m.minor)).toEqual([200, 400, 400])
    expect(allocate(money(-100, 'EUR'), [1, 1, 1]).map((m) => m.minor)).toEqual([-34, -33, -33])
  })
  it('parts always add up to the whole (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc
          .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocate(money(total, 'EUR'), weights)
          expect(parts.reduce((sum, part) => sum + part.minor, 0)).toBe(total)
          weights.forEach((weight, index) => {
            if (weight === 0) expect(parts[index]?.minor).toBe(0)
          })
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('reading amounts as people type them', () => {
  const ok = (minor: number, currency: 'EUR' | 'XOF' = 'EUR') => ({
    ok: true,
    value: money(minor, currency),
  })
  it('French: spaces of any kind between groups, comma or lone point for decimals', () => {
    expect(parseAmount('1 234,56', 'EUR', 'fr')).toEqual(ok(123_456))
    expect(parseAmount('1\u00a0234,56', 'EUR', 'fr')).toEqual(ok(123_456))
    expect(parseAmount('1\u202f234\u202f567,5', 'EUR', 'fr')).toEqual(ok(123_456_750))
    expect(parseAmount('1234.56', 'EUR', 'fr')).toEqual(ok(123_456))
    expect(parseAmount('-12', 'EUR', 'fr')).toEqual(ok(-1_200))
    expect(parseAmount('1 000 000', 'XOF', 'fr')).toEqual(ok(1_000_000, 'XOF'))
  })
  it('English: commas between groups, point for decimals', () => {
    expect(parseAmount('1,234.56', 'EUR', 'en')).toEqual(ok(123_456))
    expect(parseAmount('1 234.56', 'EUR', 'en')).toEqual(ok(123_456))
  })
  it('never rounds or guesses', () => {
    expect(parseAmount('12,345', 'EUR', 'fr')).toEqual({ ok: false, error: 'too_many_decimals' })
    expect(parseAmount('12,50', 'XOF', 'fr')).toEqual({ ok: false, error: 'too_many_decimals' })
    expect(parseAmount('12,00', 'XOF', 'fr')).toEqual(ok(12, 'XOF'))
    expect(parseAmount('12,34', 'EUR', 'en')).toEqual({ ok: false, error: 'invalid' })
    expect(parseAmount('1 23,00', 'EUR', 'fr')).toEqual({ ok: false, error: 'invalid' })
    expect(parseAmount('1,2,3', 'EUR', 'fr')).toEqual({ ok: false, error: 'invalid' })
    expect(parseAmount('abc', 'EUR', 'fr')).toEqual({ ok: false, error: 'invalid' })
    expect(parseAmount('  ', 'EUR', 'fr')).toEqual({ ok: false, error: 'empty' })
    expect(parseAmount('99999999999999999999', 'EUR', 'fr')).toEqual({
      ok: false,
      error: 'too_large',
    })
  })
  it('reads plain digits and a lone point (what workbooks hold) as the full reading does', () => {
    for (const language of ['fr', 'en'] as const) {
      expect(parseAmount('1234.56', 'EUR', language)).toEqual(ok(123_456))
      expect(parseAmount('1234.5', 'EUR', language)).toEqual(ok(123_450))
      expect(parseAmount('007', 'EUR', language)).toEqual(ok(700))
      expect(parseAmount('0', 'EUR', language)).toEqual(ok(0))
      expect(parseAmount('999999999999.99', 'EUR', language)).toEqual(ok(99_999_999_999_999))
      // A lone point is decimal even before three digits, in either language.
      expect(parseAmount('1.234', 'TND', language)).toEqual({
        ok: true,
        value: money(1_234, 'TND'),
      })
      expect(parseAmount('1.234', 'EUR', language)).toEqual({
        ok: false,
        error: 'too_many_decimals',
      })
      expect(parseAmount('12.5', 'XOF', language)).toEqual({
        ok: false,
        error: 'too_many_decimals',
      })
      expect(parseAmount('12.0', 'XOF', language)).toEqual(ok(12, 'XOF'))
      expect(parseAmount(' 12.5 ', 'EUR', language)).toEqual(ok(1_250))
      expect(parseAmount('9999999999999999', 'EUR', language)).toEqual({
        ok: false,
        error: 'too_large',
      })
    }
  })
  it('reads back what it formats, in both languages, for every currency (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.constantFrom(...CURRENCY_CODES),
        fc.constantFrom('fr' as const, 'en' as const),
        (minor, currency, language) => {
          const amount = money(minor, currency)
          const text = formatMoney(amount, language)
            .replace(/[^\d\s\u00a0\u202f.,-]/g, '')
            .trim()
          expect(parseAmount(text, currency, language)).toEqual({ ok: true, value: amount })
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('formatting', () => {
  it('follows the locale and the currency digits', () => {
    expect(formatMoney(money(123_456, 'EUR'), 'fr')).toBe('1\u202f234,56\u00a0€')
    expect(formatMoney(money(123_456, 'EUR'), 'en')).toBe('€1,234.56')
    // The two CFA francs by their central bank (issue 21), never the look-alike « F CFA »/« FCFA ».
    expect(formatMoney(money(8_098_229, 'XOF'), 'fr')).toBe(
      '8\u202f098\u202f229\u00a0F CFA (BCEAO)',
    )
    expect(formatMoney(money(8_098_229, 'XAF'), 'fr')).toBe('8\u202f098\u202f229\u00a0F CFA (BEAC)')
    expect(formatMoney(money(1_500, 'TND'), 'fr')).toMatch(/^1,500/)
    expect(formatMoney(money(Number.MAX_SAFE_INTEGER, 'EUR'), 'en')).toBe('€90,071,992,547,409.91')
  })
})
