import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { parseRateFile } from '../../electron/main/funds/rate-files/rate-file'
import { toEuro } from '@shared/money/exchange'
import { money } from '@shared/money/money'
import { ECB_CSV, INFOREURO_CSV, INFOREURO_CSV_FR, INFOREURO_XML } from './rate-samples'
import { startTestApp, type TestApp } from '../support/core'

let app: TestApp
afterEach(async () => app?.core.dispose())

const bytes = (text: string) => new TextEncoder().encode(text)

async function importText(name: string, text: string, month?: string) {
  const path = join(app.folder, name)
  await writeFile(path, text)
  app.host.nextDocument = path
  return app.call('rates.import', month ? { month } : {})
}

describe('rate files as published', () => {
  it('reads the ECB history: kept currencies only, N/A left, exact decimals', () => {
    const parsed = parseRateFile('eurofxref-hist.csv', bytes(ECB_CSV), undefined)
    expect(parsed.kind).toBe('ecb-csv')
    // 5 days × USD, GBP, CHF, RON, CAD, less RON's N/A of 1999; JPY and CZK not kept.
    expect(parsed.rates).toHaveLength(24)
    expect(parsed.skipped).toBe(11)
    expect(parsed.rates[0]).toEqual({
      currency: 'USD',
      rateDate: '2024-01-05',
      rate: '1.0921',
      line: 2,
      column: 12,
    })
    expect(
      parsed.rates.find((r) => r.currency === 'GBP' && r.rateDate === '2008-12-31')?.rate,
    ).toBe('0.9525')
  })

  it('reads InforEuro’s CSV: one rate per currency and month, shared currencies once', () => {
    const parsed = parseRateFile('inforeuro-2024-01.csv', bytes(INFOREURO_CSV), '2024-01')
    expect(parsed.kind).toBe('inforeuro-csv')
    expect(parsed.rates.map((r) => [r.currency, r.rateDate, r.rate])).toEqual([
      ['USD', '2024-01-01', '1.0946'],
      ['CAD', '2024-01-01', '1.4565'],
      ['CHF', '2024-01-01', '0.9312'],
      ['MAD', '2024-01-01', '10.8622'],
      ['CDF', '2024-01-01', '2955.42'],
    ])
    // Ecuador's USD again, XOF (fixed), the euro, JPY (not kept).
    expect(parsed.skipped).toBe(4)
    const french = parseRateFile('taux.csv', bytes(INFOREURO_CSV_FR), undefined)
    expect(french.rates.map((r) => [r.currency, r.rateDate, r.rate])).toEqual([
      ['USD', '2024-03-01', '1.0823'],
      ['GBP', '2024-03-01', '0.8551'],
    ])
  })

  it('reads InforEuro’s XML, the month given once for the table', () => {
    const parsed = parseRateFile('inforeuro.xml', bytes(INFOREURO_XML), undefined)
    expect(parsed.rates.map((r) => [r.currency, r.rateDate, r.rate, r.line])).toEqual([
      ['USD', '2024-02-01', '1.0823', 6],
      ['RWF', '2024-02-01', '1373.03', 10],
    ])
    expect(parsed.skipped).toBe(1)
  })

  it('refuses a faulty file whole, naming the file, the line and the column', () => {
    const cases: [string, string, string, number, number][] = [
      [ECB_CSV.replace('1.0953', '1,0953x'), 'rates.file.badRate', 'a.csv', 3, 14],
      [ECB_CSV.replace('0.86408', '-0.86408'), 'rates.file.badRate', 'a.csv', 3, 33],
      [ECB_CSV.replace('2024-01-04', '2024-02-30'), 'rates.file.badDate', 'a.csv', 3, 1],
      [ECB_CSV.replace(',GBP,', ',USD,'), 'rates.file.repeatedCurrency', 'a.csv', 1, 18],
      [INFOREURO_CSV.replace('1.4565', '1.45.65'), 'rates.file.badRate', 'a.csv', 4, 31],
      [INFOREURO_CSV.replace('EC,1.0946', 'EC,1.0947'), 'rates.file.twoRates', 'a.csv', 3, 26],
      [
        INFOREURO_XML.replace('<exchangeRates>', '<!DOCTYPE x [<!ENTITY a "b">]><exchangeRates>'),
        'rates.file.xmlDeclaration',
        'a.xml',
        2,
        1,
      ],
      ['Pays;Monnaie\nFrance;EUR\n', 'rates.file.unknownKind', 'a.csv', 1, 1],
    ]
    for (const [text, key, name, line, column] of cases) {
      const attempt = () => parseRateFile(name, bytes(text), '2024-01')
      expect(attempt, key).toThrow(
        expect.objectContaining({
          key,
          params: expect.objectContaining({ file: name, line, column }),
        }),
      )
    }
    // InforEuro's table without a month, none chosen.
    expect(() => parseRateFile('a.csv', bytes(INFOREURO_CSV), undefined)).toThrow(
      expect.objectContaining({
        key: 'rates.file.noMonth',
        params: expect.objectContaining({ line: 2, column: 25 }),
      }),
    )
  })
})

describe('rate series side by side', () => {
  it('imports into the ECB and InforEuro series, the bank’s rate untouched, twice without change', async () => {
    app = await startTestApp()
    await app.ok('rates.add', {
      currency: 'USD',
      rateDate: '2024-01-04',
      rate: '1.1000',
      source: 'Banque',
    })
    const ecb = await importText('eurofxref-hist.csv', ECB_CSV)
    expect(ecb.ok && ecb.value).toMatchObject({
      series: 'ecb',
      imported: 24,
      unchanged: 0,
      skipped: 11,
      firstDate: '1999-01-04',
      lastDate: '2024-01-05',
    })
    const again = await importText('eurofxref-hist.csv', ECB_CSV)
    expect(again.ok && again.value).toMatchObject({ imported: 0, unchanged: 24 })
    const xml = await importText('inforeuro-2024-02.xml', INFOREURO_XML)
    expect(xml.ok && xml.value).toMatchObject({ series: 'inforeuro', imported: 2 })
    // A corrected ECB file: the recorded rate is kept, the file's set aside with its place.
    const corrected = await importText('eurofxref.csv', ECB_CSV.replace('1.0921', '1.0931'))
    expect(corrected.ok && corrected.value).toMatchObject({ imported: 0, setAsideCount: 1 })
    expect(corrected.ok && corrected.value.setAside[0]).toEqual({
      line: 2,
      column: 12,
      currency: 'USD',
      rateDate: '2024-01-05',
      rate: '1.0931',
      recorded: '1.0921',
    })

    const rates = app.core.requireSession().rates
    const bank = await rates.rateOn('USD', '2024-01-06')
    const ecbRate = await rates.rateOn('USD', '2024-01-06', undefined, 'ecb')
    const month = await rates.rateOn('USD', '2024-02-15', undefined, 'inforeuro')
    expect(bank).toEqual({ rate: '1.1000', rateDate: '2024-01-04', source: 'Banque' })
    expect(ecbRate?.rate).toBe('1.0921')
    expect(ecbRate?.source).toMatch(/^eurofxref-hist\.csv \(\d{4}-\d{2}-\d{2}\)$/)
    expect(month?.rate).toBe('1.0823')
    // 12,345.67 USD at the ECB's 1.0953 (2024-01-04) = 11,271.50 EUR; 10,000 USD at 1.0921 = 9,156.67.
    expect(toEuro(money(1234567, 'USD'), '1.0953').minor).toBe(1127150)
    expect(toEuro(money(1000000, 'USD'), ecbRate?.rate).minor).toBe(915667)
    expect((await app.ok('rates.list', { series: 'inforeuro' })).map((r) => r.currency)).toEqual([
      'XOF',
      'XAF',
      'RWF',
      'USD',
    ])
    // The page asks for the most recent only: the day's newest first, by currency.
    const latest = await app.ok('rates.list', { series: 'ecb', latest: 3 })
    expect(latest.filter((r) => !r.fixed).map((r) => [r.currency, r.rateDate, r.rate])).toEqual([
      ['CAD', '2024-01-05', '1.4612'],
      ['CHF', '2024-01-05', '0.9305'],
      ['GBP', '2024-01-05', '0.86075'],
    ])
    const path = app.core.requireSession().file.path
    await app.core.closeFile()
    expect(await checkFile(path)).toEqual([])
  })

  it('answers a refused file with a message in the user’s language, nothing written', async () => {
    app = await startTestApp()
    const refused = await importText('taux.csv', INFOREURO_CSV)
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.error.message).toBe(
      'taux.csv, ligne 2, colonne 25 : le fichier ne dit pas de quel mois sont ses taux ; choisissez le mois avant d’importer.',
    )
    expect(await app.ok('rates.list', {})).toHaveLength(2)
    const chosen = await importText('taux.csv', INFOREURO_CSV, '2024-01')
    expect(chosen.ok && chosen.value.imported).toBe(5)
  })
})
