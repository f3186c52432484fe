import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConversionRule } from '@shared/funds/conversion-rule'
import type { ReportDocument } from '@shared/reports/model'
import { startTestApp, type TestApp } from '../support/core'
import { numberIn, pdfText, readWorkbook, rowWith } from '../support/exports'
import { found } from '../support/found'
import { convertWithLibreOffice, sofficePath } from '../support/libreoffice'
import { pdfWords, wordsOutside } from '../support/pdf-bounds'
import { setUpUsdAgreement } from './usd-agreement'

let app: TestApp
afterEach(async () => app?.core.dispose())

/** The USD agreement of `usd-agreement.ts`, in a new file. */
async function setUp() {
  app = await startTestApp()
  return setUpUsdAgreement(app, { euRules: true })
}

type Figures = [number | null, number | null, number | null]

/** Before, in and cumulative to the period (1 April – 31 December 2026), in minor units. */
function figuresOf(document: ReportDocument, label: string): Figures {
  const rows = found(document.sheets[0]?.tables[0], 'headings table').rows
  const line = found(
    rows.find((r) => r.cells[1]?.kind === 'text' && r.cells[1].text === label),
    label,
  )
  return [3, 4, 5].map((c) => {
    const cell = line.cells[c]
    return cell?.kind === 'money' ? cell.minor : null
  }) as Figures
}

const EXPECTED: Record<ConversionRule, { total: Figures; difference: Figures | null }> = {
  day_rate: { total: [1_210_000, 7_280_000, 8_490_000], difference: null },
  // 11,000 × 1.095; 40,000 × 1.115 + 25,000 × 1.115.
  inforeuro_month: {
    total: [1_204_500, 7_247_500, 8_452_000],
    difference: [-5_500, -32_500, -38_000],
  },
  // 11,000 × 55,000/50,000; (40,000 + 25,000 €) × 76,600/70,000 = 43,771.43 + 27,357.14.
  receipts_average: {
    total: [1_210_000, 7_112_857, 8_322_857],
    difference: [0, -167_143, -167_143],
  },
  // 12,100.00; 42,900.00 + 1,080.00; 20,520.00 + 6,000 € beyond the receipts at 1.12.
  receipts_fifo: {
    total: [1_210_000, 7_122_000, 8_332_000],
    difference: [0, -158_000, -158_000],
  },
}

describe('the donor report by the agreement’s conversion rule', () => {
  it('converts the spending by each rule, to the cent, with the difference on its own line', async () => {
    const agreement = await setUp()
    const request = {
      kind: 'donor' as const,
      agreementId: agreement.id,
      from: '2026-04-01',
      to: '2026-12-31',
    }
    for (const rule of Object.keys(EXPECTED) as ConversionRule[]) {
      const saved = await app.ok('agreements.setConversionRule', {
        agreementId: agreement.id,
        rule,
      })
      expect(saved.conversionRule).toBe(rule)
      const report = await app.ok('reports.preview', request)
      const { total, difference } = EXPECTED[rule]
      expect(figuresOf(report, 'Total'), rule).toEqual(total)
      const line = 'Écart de change par rapport au taux de la banque (hors dépenses)'
      if (difference) expect(figuresOf(report, line), rule).toEqual(difference)
      else expect(() => figuresOf(report, line)).toThrow()
      // The rule is printed among the report's parameters.
      expect(report.parameters).toContainEqual({
        label: 'Règle de conversion',
        value: {
          day_rate: 'Taux de la banque du jour',
          inforeuro_month: 'Taux InforEuro du mois de la dépense',
          receipts_average: 'Moyenne pondérée des versements reçus',
          receipts_fifo: 'Premier entré, premier sorti sur les versements',
        }[rule],
      })
      // The agreement page's figures are the report's, and the ledger's at the bank's rate.
      const summary = await app.ok('agreements.conversion', {
        id: agreement.id,
        asOf: '2026-12-31',
      })
      expect(summary).toMatchObject({
        rule,
        spentAtBank: 8_490_000,
        spentByRule: total[2],
        difference: (total[2] ?? 0) - 8_490_000,
      })
      const detail = await app.ok('agreements.get', { id: agreement.id, asOf: '2026-12-31' })
      // The page's spent follows the rule; less its difference line, it is the ledger's.
      expect(detail.figures.spent).toBe(total[2])
      expect(detail.figures.spent - detail.exchangeDifference.minor).toBe(8_490_000)
      // The balance held is what was received less the spending by the rule.
      const receipts = found(report.sheets[1]?.tables[1], 'balance').rows
      const held = receipts[3]?.cells[1]
      expect(held?.kind === 'money' ? held.minor : null, rule).toBe(7_660_000 - (total[2] ?? 0))
    }
    // FIFO says which spending went beyond the receipts.
    const fifo = await app.ok('reports.preview', request)
    // 83,320.00 USD spent (by FIFO) is 28 % over the heading's 65,000: an amendment is needed.
    const heading = found(fifo.sheets[0]?.tables[0], 'headings').rows[0]
    expect(heading?.cells[9]).toEqual({
      kind: 'text',
      text: 'Plus de 25 % au-delà du budget de la rubrique : avenant requis',
    })
    // The 70 % test: 55,000.00 paid before and 70 % of the last 21,600.00 make 70,120.00.
    const seventy = (document: ReportDocument) => document.sheets[1]?.tables[1]?.notes?.[0]
    expect(seventy(fifo)).toMatch(
      /^Préfinancement suivant .*83\s320,00\s\$US dépensés pour un seuil de 70\s120,00\s\$US.* la demande peut être faite\.$/,
    )
    const march = await app.ok('reports.preview', {
      ...request,
      from: '2026-01-01',
      to: '2026-03-31',
    })
    expect(seventy(march)).toMatch(
      /12\s100,00\s\$US dépensés pour un seuil de 70\s120,00\s\$US.* ne peut pas encore être faite\.$/,
    )
    expect(fifo.sheets[0]?.tables[0]?.notes).toContain(
      'Dépense du 20/04/2026 au-delà des versements reçus : convertie au taux de la banque du jour.',
    )
  }, 120_000)

  it('prints within the page in PDF and reopens in LibreOffice with the same figures', async () => {
    const agreement = await setUp()
    await app.ok('agreements.setConversionRule', {
      agreementId: agreement.id,
      rule: 'inforeuro_month',
    })
    const request = {
      kind: 'donor' as const,
      agreementId: agreement.id,
      from: '2026-04-01',
      to: '2026-12-31',
    }
    const folder = join(app.folder, 'exports')
    await mkdir(folder, { recursive: true })
    const exportAs = async (format: 'xlsx' | 'pdf') => {
      app.host.nextExportPath = join(folder, `donor-rule.${format}`)
      let job = await app.ok('reports.begin', { request, format })
      while (job.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 20))
        job = await app.ok('reports.progress', { jobId: job.jobId })
      }
      expect(job).toMatchObject({ state: 'done' })
      return found(job.result, 'path').path
    }
    const pdf = await exportAs('pdf')
    expect(wordsOutside(await pdfWords(pdf))).toEqual([])
    const text = await pdfText(pdf)
    expect(text).toContain('Taux InforEuro du mois de la dépense')
    // The line's label wraps in its cell (where depends on the column's width); its figures
    // follow its first line.
    expect(text).toMatch(
      /Écart de change par(?: rapport au taux)?\s+-55,00\s\$US\s+-325,00\s\$US\s+-380,00\s\$US/,
    )
    expect(text).toMatch(/Écart de change par\s+(?:\S.*\n\s*)?rapport au taux/)

    const xlsx = await exportAs('xlsx')
    const ours = await readWorkbook(xlsx)
    const differenceLabel = 'Écart de change par rapport au taux de la banque (hors dépenses)'
    const sheet = found(ours.getWorksheet('Rapport financier'), 'sheet')
    expect([4, 5, 6].map((c) => numberIn(rowWith(sheet, differenceLabel).getCell(c)))).toEqual([
      -55, -325, -380,
    ])
    const currencies = found(ours.getWorksheet('Dépenses par devise'), 'currencies sheet')
    expect(numberIn(rowWith(currencies, 'Total').getCell(9))).toBe(-325)
    if (!sofficePath() && !process.env.CI) return
    const saved = await convertWithLibreOffice([xlsx], 'xlsx', join(app.folder, 'saved'))
    const theirs = await readWorkbook(found(saved.get(xlsx), 'LibreOffice copy'))
    const recalculated = found(theirs.getWorksheet('Rapport financier'), 'recalculated')
    expect(
      [4, 5, 6].map((c) => numberIn(rowWith(recalculated, differenceLabel).getCell(c))),
    ).toEqual([-55, -325, -380])
    expect(numberIn(rowWith(recalculated, 'Total').getCell(6))).toBe(84_520)
  }, 300_000)
})
