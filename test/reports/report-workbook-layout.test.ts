import { writeFile } from 'node:fs/promises'
import fc from 'fast-check'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reportWorkbook } from '../../electron/main/reports/report-xlsx'
import { columnWidths } from '../../electron/main/reports/report-xlsx-widths'
import type { CurrencyCode } from '@shared/money/currencies'
import type { ReportDocument, ReportRow, ReportTable } from '@shared/reports/model'
import { readPackage } from '../support/xlsx-package'
import { tempFolder } from '../support/temp'
import { loadExcelJS } from '../../electron/main/workbook/load-exceljs'

const ROWS = 3000

/** A list of ROWS expenses under a long heading, a second table after it. */
function report(): ReportDocument {
  const rows: ReportRow[] = Array.from({ length: ROWS }, (_, n) => ({
    style: 'item',
    cells: [
      { kind: 'date', iso: `2026-0${1 + (n % 9)}-1${n % 10}` },
      { kind: 'text', text: `Dépense ${n + 1}` },
      { kind: 'money', minor: 1000 + n, currency: 'EUR' },
    ],
  }))
  rows.push({
    style: 'total',
    cells: [null, null, { kind: 'money', minor: rows.length * 1000, currency: 'EUR' }],
  })
  return {
    kind: 'list',
    title: 'Dépenses du budget',
    organisation: 'AIMF & partenaires',
    generatedAt: '2026-12-06T05:00:00.000Z',
    language: 'fr',
    parameters: [
      { label: 'Recherche', value: 'Dépense' },
      { label: 'Groupé par', value: 'Ligne' },
    ],
    sheets: [
      {
        name: 'Dépenses',
        title: 'Dépenses de l’exercice',
        tables: [
          {
            title: 'Toutes les lignes',
            columns: [
              { label: 'Date', kind: 'date', width: 14 },
              { label: 'Libellé', kind: 'text', width: 30 },
              {
                label: 'Montant engagé sur la ligne après avenants successifs',
                kind: 'money',
                width: 14,
              },
            ],
            rows,
            notes: ['Montants en euros.'],
          },
          {
            title: 'Résumé',
            columns: [{ label: 'Lignes', kind: 'number', width: 10 }],
            rows: [{ style: 'item', cells: [{ kind: 'number', value: ROWS }] }],
          },
        ],
      },
    ],
  }
}

describe('a report workbook, written row after row', () => {
  it('freezes, filters and prints on every page the first table’s header, found where it is', async () => {
    const path = join(await tempFolder(), 'liste.xlsx')
    await writeFile(path, await reportWorkbook(report()))
    const pack = await readPackage(path)
    const sheet = pack.sheets[0]
    const xml = pack.parts.get(sheet?.part ?? '') ?? ''
    // The header's row, found by its labels.
    const headerRow = Number(
      /<row r="(\d+)"[^>]*>(?:(?!<\/row>).)*Montant engagé/s.exec(xml)?.[1] ?? Number.NaN,
    )
    expect(headerRow).toBeGreaterThan(6)
    expect(xml).toMatch(new RegExp(`<pane [^>]*ySplit="${headerRow}"[^>]*state="frozen"`))
    expect(sheet?.autoFilter).toBe(`A${headerRow}:C${headerRow + ROWS + 1}`)
    expect(pack.definedNames).toEqual(
      expect.arrayContaining([
        {
          name: '_xlnm._FilterDatabase',
          localSheetId: 0,
          value: `'Dépenses'!$A$${headerRow}:$C$${headerRow + ROWS + 1}`,
        },
        {
          name: '_xlnm.Print_Titles',
          localSheetId: 0,
          value: `'Dépenses'!$${headerRow}:$${headerRow}`,
        },
      ]),
    )
    // The long heading wraps: its row is made taller.
    expect(xml).toMatch(new RegExp(`<row r="${headerRow}"[^>]*ht="[1-9]`))
    expect(xml).toMatch(/<sheetPr>.*fitToPage="1"/s)
    // Read back: every row where it was written, the parameters in one cell, the notes under.
    const ExcelJS = await loadExcelJS()
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(path)
    const read = workbook.worksheets[0]
    expect(read?.getCell(1, 1).value).toBe('AIMF & partenaires')
    expect(read?.getCell(3, 1).value).toBe('Dépenses de l’exercice')
    expect(JSON.stringify(read?.getCell(4, 1).value)).toContain('Recherche')
    expect(JSON.stringify(read?.getCell(4, 1).value)).toContain('Dépense')
    expect(read?.getCell(headerRow + 1, 2).value).toBe('Dépense 1')
    expect(read?.getCell(headerRow + ROWS, 2).value).toBe(`Dépense ${ROWS}`)
    expect(read?.getCell(headerRow + ROWS, 3).value).toBe((1000 + ROWS - 1) / 100)
    expect(read?.getCell(headerRow + ROWS + 1, 3).value).toBe(ROWS * 10)
    expect(read?.getCell(headerRow + ROWS + 2, 1).value).toBe('Montants en euros.')
    expect(read?.getCell(headerRow + 1, 3).numFmt).toContain('€')
    expect(read?.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 })
    expect(read?.headerFooter.oddHeader).toBe('&LAIMF && partenaires&RDépenses du budget')
    expect(read?.getColumn(2).width).toBeGreaterThan(8)
  })
})

describe('a report column’s width', () => {
  it('is the widest of its amounts, measuring only those as long as the longest yet', () => {
    // Each amount measured alone, the widest taken: what skipping the shorter must give.
    const cell = fc.record({
      minor: fc.oneof(
        fc.integer({ min: -99, max: 99 }),
        fc.integer({ min: -9999, max: 9999 }),
        fc.integer({ min: -1e9, max: 1e9 }),
      ),
      style: fc.constantFrom<'item' | 'subtotal' | 'total'>('item', 'subtotal', 'total'),
    })
    fc.assert(
      fc.property(
        fc.constantFrom<CurrencyCode>('EUR', 'USD', 'XOF'),
        fc.array(cell, { minLength: 1, maxLength: 40 }),
        (currency, cells) => {
          const table = (rows: typeof cells): ReportTable => ({
            columns: [{ label: 'M', kind: 'money', width: 14 }],
            rows: rows.map(({ minor, style }) => ({
              style,
              cells: [{ kind: 'money', minor, currency }],
            })),
          })
          const each = cells.map((one) => columnWidths([table([one])], 'fr')[0]?.units ?? 0)
          expect(columnWidths([table(cells)], 'fr')[0]?.units).toBe(Math.max(...each))
        },
      ),
      {
        numRuns: 300,
        // « 1,23 € » then « -0,05 € »: the shorter number, the wider text.
        examples: [
          [
            'EUR',
            [
              { minor: 123, style: 'item' },
              { minor: -5, style: 'item' },
            ],
          ],
        ],
      },
    )
  })
})
