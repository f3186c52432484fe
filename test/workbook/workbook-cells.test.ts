import { readAmount, readCurrency, readDate } from '../../electron/main/workbook/cell-values'
import { describe, expect, it } from 'vitest'

// Cells as people type them: amounts, dates and currencies.

describe('reading cells as people type them', () => {
  it('reads amounts, dates and currencies, and refuses what it would have to guess', () => {
    expect(readAmount('1 234,56', 'EUR', 'fr')).toEqual({ ok: true, value: '1234.56' })
    expect(readAmount('1\u202f234\u202f567 FCFA', 'XOF', 'fr')).toEqual({
      ok: true,
      value: '1234567',
    })
    expect(readAmount(1234.5, 'EUR', 'fr')).toEqual({ ok: true, value: '1234.50' })
    expect(readAmount('12,345', 'EUR', 'fr')).toMatchObject({
      ok: false,
      key: 'workbook.tooManyDecimals',
    })
    expect(readAmount(10.5, 'XOF', 'fr')).toMatchObject({
      ok: false,
      key: 'workbook.tooManyDecimals',
    })
    expect(readDate('03/04/2021')).toEqual({ ok: true, value: '2021-04-03' })
    expect(readDate('31/02/2021')).toMatchObject({ ok: false, key: 'workbook.badDate' })
    expect(readDate(44291)).toEqual({ ok: true, value: '2021-04-05' })
    expect(readDate({ excelDate: 44291 })).toEqual({ ok: true, value: '2021-04-05' })
    expect(readCurrency('euro')).toEqual({ ok: true, value: 'EUR' })
    expect(readCurrency('$ US')).toEqual({ ok: true, value: 'USD' })
    expect(readCurrency('xaf')).toEqual({ ok: true, value: 'XAF' })
    expect(readCurrency('FCFA')).toMatchObject({ ok: false, key: 'workbook.ambiguousCfa' })
  })
})
