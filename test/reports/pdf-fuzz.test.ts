import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderPdf } from '../../electron/main/reports/pdf-document'
import { reportPdf } from '../../electron/main/reports/report-pdf'
import type {
  Cell,
  ColumnKind,
  ReportDocument,
  ReportRow,
  ReportTable,
} from '@shared/reports/model'
import { overlappingWords, pdfWords, wordsOutside } from '../support/pdf-bounds'
import { tempFolder } from '../support/temp'

/**
 * Reports no demo holds, drawn by pdfmake and read back with `pdftotext -bbox`: many columns,
 * huge and negative amounts, titles with words longer than a column, deep budget trees, long
 * report titles and parameters. Whatever they hold, every word lies inside the page and none is
 * drawn over another — the sizing's promise checked on pdfmake's real output, not on its own
 * arithmetic.
 */

// Each run draws and reads a PDF (about half a second): 40 in every test run; 300 were run
// while building it.
const RUNS = 40

const letters = 'abcdeéfghijklmnopqrstuvwxyzÀÉÈÇŒ'
const word = fc
  .oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 12 }) },
    { weight: 1, arbitrary: fc.integer({ min: 13, max: 70 }) },
  )
  .chain((length) =>
    fc.array(fc.constantFrom(...letters.split('')), { minLength: length, maxLength: length }),
  )
  .map((characters) => characters.join(''))
const punctuation = fc.constantFrom('', '', '', ' :', ',', ' %', ' —', '/2026', '’s', ' »')
const phrase = (maxWords: number) =>
  fc
    .array(fc.tuple(word, punctuation), { minLength: 1, maxLength: maxWords })
    .map((words) => words.map(([w, p]) => w + p).join(' '))

const CURRENCIES = ['EUR', 'USD', 'XOF', 'CAD', 'CHF'] as const
const KINDS: ColumnKind[] = ['text', 'money', 'percent', 'number', 'rate', 'year', 'date']

function cellOf(kind: ColumnKind): fc.Arbitrary<Cell> {
  switch (kind) {
    case 'text':
      return phrase(12).map((text) => ({ kind: 'text', text }))
    case 'money':
      return fc
        .record({
          minor: fc.oneof(
            fc.integer({ min: -1e6, max: 1e6 }),
            fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
          ),
          currency: fc.constantFrom(...CURRENCIES),
        })
        .map(({ minor, currency }) => ({ kind: 'money', minor, currency }))
    case 'percent':
      return fc
        .option(fc.double({ min: -1000, max: 1000, noNaN: true }))
        .map((ratio) => ({ kind: 'percent', ratio }))
    case 'number':
      return fc.integer({ min: -1e12, max: 1e12 }).map((value) => ({ kind: 'number', value }))
    case 'rate':
      return fc
        .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 999_999 }))
        .map(([units, decimals]) => ({ kind: 'rate', rate: `${units}.${decimals}` }))
    case 'year':
      return fc.integer({ min: 2000, max: 2100 }).map((value) => ({ kind: 'year', value }))
    case 'date':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
        .map((date) => ({ kind: 'date', iso: date.toISOString().slice(0, 10) }))
  }
}

const table: fc.Arbitrary<ReportTable> = fc
  .array(fc.tuple(fc.constantFrom(...KINDS), phrase(4)), { minLength: 1, maxLength: 14 })
  .chain((columns) =>
    fc.record({
      title: fc.option(phrase(10), { nil: undefined }),
      columns: fc.constant(columns.map(([kind, label]) => ({ kind, label, width: 12 }))),
      rows: fc.array(
        fc.record({
          style: fc.constantFrom<ReportRow['style']>('item', 'item', 'group', 'subtotal', 'total'),
          depth: fc.integer({ min: 0, max: 4 }),
          cells: fc.tuple(...columns.map(([kind]) => fc.option(cellOf(kind)))),
        }),
        { minLength: 1, maxLength: 30 },
      ),
      notes: fc.option(fc.array(phrase(30), { maxLength: 2 }), { nil: undefined }),
    }),
  )

const report: fc.Arbitrary<ReportDocument> = fc.record({
  kind: fc.constantFrom('donor', 'budget', 'fund', 'projects', 'dues'),
  title: phrase(20),
  organisation: phrase(14),
  generatedAt: fc.constant('2026-06-30T10:00:00.000Z'),
  language: fc.constantFrom('fr', 'en'),
  parameters: fc.array(fc.record({ label: phrase(3), value: phrase(25) }), { maxLength: 4 }),
  sheets: fc.array(
    fc.record({
      name: fc.constant('Feuille'),
      title: phrase(10),
      tables: fc.array(table, { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
})

describe('a PDF report of any content', () => {
  it('draws every word inside its page, none over another', async () => {
    const folder = await tempFolder('file')
    let run = 0
    await fc.assert(
      fc.asyncProperty(report, async (document) => {
        run += 1
        const { definition, frame } = reportPdf(document)
        const path = join(folder, `report-${run}.pdf`)
        await writeFile(path, await renderPdf(definition, { frame }))
        const pages = await pdfWords(path)
        const outside = wordsOutside(pages).map(
          (w) => `p.${w.page} « ${w.text} » x ${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)}`,
        )
        expect(outside, path).toEqual([])
        const over = overlappingWords(pages).map(
          ([a, b]) => `p.${a.page} « ${a.text} » over « ${b.text} »`,
        )
        expect(over, path).toEqual([])
      }),
      // No shrinking: each smaller candidate is drawn again, minutes for one failure; the
      // counterexample is reported whole.
      { numRuns: RUNS, endOnFailure: true },
    )
  }, 600_000)
})
