import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { readAmount, readText } from '../../electron/main/workbook/cell-values'
import { percentShown } from '../../electron/main/workbook/package/sheet-rows'
import { cellWriter, exactNumber } from '../../electron/main/workbook/export-cells'
import { registersWorkbook } from '../../electron/main/workbook/workbook-writer'
import { type CurrencyCode, minorUnits } from '@shared/money/currencies'
import { decimalOfNumber, minorToDecimalString, shiftDecimal } from '@shared/money/decimal'
import { basisPointsToPercent } from '@shared/validation/amounts'
import { importWorkbook, startTestApp, type TestApp } from '../support/core'
import { REGISTERS } from '../../electron/main/workbook/registers'

let app: TestApp
afterEach(async () => app?.core.dispose())

const CURRENCIES: CurrencyCode[] = ['EUR', 'USD', 'XOF', 'XAF', 'TND', 'CHF']

/**
 * The full export writes amounts, rates and percentages as numbers: each must come back from
 * its number to the very text the file holds, or be written as text.
 */
describe('numbers in the registers', () => {
  it('an amount comes back to its minor unit, up to the largest a file holds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        fc.oneof(
          fc.integer({ min: -1e9, max: 1e9 }),
          fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        ),
        (currency, minor) => {
          const digits = minorUnits(currency)
          const text = minorToDecimalString(minor, digits)
          const number = exactNumber(text, 'amount')
          // Realistic amounts (below a thousand billion) are always numbers.
          if (Math.abs(minor) < 1e14) expect(number).not.toBeNull()
          if (number === null) return
          const read = readAmount(number, currency, 'fr')
          expect(read).toEqual({ ok: true, value: text })
        },
      ),
      { numRuns: 5000 },
    )
  })

  it('a rate comes back to the same text, or stays text', () => {
    const rates = fc
      .tuple(
        fc.bigInt({ min: 0n, max: 999_999_999_999n }),
        fc.integer({ min: 0, max: 12 }),
        fc.bigInt({ min: 1n, max: 999_999_999_999n }),
      )
      .map(([whole, scale, fraction]) =>
        scale === 0
          ? `${whole + 1n}`
          : `${whole}.${String(fraction).padStart(12, '0').slice(0, scale)}`,
      )
    fc.assert(
      fc.property(
        fc.oneof(rates, fc.constantFrom('655.957', '1.1297', '1.10', '0.000001')),
        (rate) => {
          const written = cellWriter(
            { field: 'rate', heading: 'rates.rate', kind: 'rate' },
            'fr',
          )(rate)
          if (typeof written.value === 'number')
            expect(readText(written.value)).toEqual({ ok: true, value: rate })
          else expect(written.value).toBe(rate)
        },
      ),
      { numRuns: 5000 },
    )
    expect(exactNumber('655.957', 'rate')).toBe(655.957)
    expect(exactNumber('1.10', 'rate')).toBeNull()
  })

  it('a percentage is a percentage in the spreadsheet and reads back to its basis points', () => {
    const column = {
      field: 'cofinancingPercent',
      heading: 'agreements.field.cofinancing',
      kind: 'percent',
    } as const
    for (let bp = 0; bp <= 10_000; bp += 1) {
      const text = basisPointsToPercent(bp)
      const written = cellWriter(column, 'fr')(text)
      expect(written.value).toBe(bp / 10_000 === 0 ? 0 : Number(shiftDecimal(text, -2)))
      expect(String(written.style.numFmt)).toContain('%')
      expect(percentShown(Number(written.value))).toBe(`${text} %`)
    }
  })

  it('writes decimals without exponents and moves their point exactly', () => {
    expect(decimalOfNumber(1e-7)).toBe('0.0000001')
    expect(decimalOfNumber(1.5e21)).toBe('1500000000000000000000')
    expect(decimalOfNumber(0.075)).toBe('0.075')
    expect(shiftDecimal('7.5', -2)).toBe('0.075')
    expect(shiftDecimal('0.075', 2)).toBe('7.5')
    expect(shiftDecimal('-12', 3)).toBe('-12000')
    expect(shiftDecimal('100', -2)).toBe('1')
  })

  it('imports a percentage typed in Excel (20 % stored as 0.2) as 20 %', async () => {
    app = await startTestApp()
    const funder = await app.ok('funders.create', {
      name: 'Ville de Genève',
      kind: 'city',
      defaultCurrency: 'EUR',
    })
    await app.ok('agreements.create', {
      funderId: funder.id,
      reference: 'GE-2026',
      title: 'Eau potable',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      currency: 'EUR',
      amount: '250000',
      earmarking: 'programme',
      programmeCode: 'essential_services',
      nature: 'investment',
      cofinancingPercent: '12.5',
    })
    const exported = await registersWorkbook(REGISTERS, 'fr', app.core.requireSession())
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(
      exported.buffer.slice(
        exported.byteOffset,
        exported.byteOffset + exported.byteLength,
      ) as ArrayBuffer,
    )
    const sheet = book.getWorksheet('Conventions')
    let column = 0
    sheet?.getRow(1).eachCell((cell, index) => {
      if (cell.value === 'Cofinancement exigé (% du coût total)') column = index
    })
    expect(column).toBeGreaterThan(0)
    const cell = sheet?.getCell(2, column)
    // As exported: 12.5 % is the number 0.125 shown as a percentage.
    expect(cell?.value).toBe(0.125)
    expect(cell?.numFmt).toContain('%')
    // As a user types "20 %" in Excel: the number 0.2, formatted 0%.
    if (cell) {
      cell.value = 0.2
      cell.numFmt = '0%'
    }
    const path = join(app.folder, 'typed.xlsx')
    await writeFile(path, Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer))
    const job = await importWorkbook(app, path)
    expect(job.state, job.failure ?? '').toBe('done')
    const [agreement] = await app.ok('agreements.list', {})
    expect(agreement?.cofinancingBp).toBe(2000)
  })
})
