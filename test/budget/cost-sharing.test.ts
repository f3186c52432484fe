import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import type { ReportDocument } from '@shared/reports/model'
import { numberIn, pdfText, readWorkbook, rowWith } from '../support/exports'
import { found } from '../support/found'
import { ledgerSpending, sharedSalary, type SharingWorld, sharingWorld } from './cost-sharing-setup'

let world: SharingWorld
afterEach(async () => world?.app.core.dispose())

/** A heading's row of the donor report: in the period and cumulative, in minor units. */
function headingFigures(document: ReportDocument, label: string): [number | null, number | null] {
  const rows = found(document.sheets[0]?.tables[0], 'headings table').rows
  const line = found(
    rows.find((r) => r.cells[1]?.kind === 'text' && r.cells[1].text === label),
    label,
  )
  return [4, 5].map((c) => {
    const cell = line.cells[c]
    return cell?.kind === 'money' ? cell.minor : null
  }) as [number | null, number | null]
}

/** The donor report's balance held: received less spent. */
function balanceHeld(document: ReportDocument): number | null {
  const held = found(document.sheets[1]?.tables[1], 'balance').rows[3]?.cells[1]
  return held?.kind === 'money' ? held.minor : null
}

/** `aimf check` on the file, closed for it and opened again. */
async function checked({ app }: SharingWorld) {
  const path = found(app.core.fileInfo()?.path, 'path')
  await app.core.closeFile()
  const problems = await checkFile(path)
  await app.core.openFile(path)
  return problems
}

async function exportReport(agreementId: string, format: 'xlsx' | 'pdf'): Promise<string> {
  const { app } = world
  const folder = join(app.folder, 'exports')
  await mkdir(folder, { recursive: true })
  app.host.nextExportPath = join(folder, `donor-shared.${format}`)
  const request = { kind: 'donor' as const, agreementId, from: '2026-01-01', to: '2026-12-31' }
  let job = await app.ok('reports.begin', { request, format })
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20))
    job = await app.ok('reports.progress', { jobId: job.jobId })
  }
  expect(job).toMatchObject({ state: 'done' })
  return found(job.result, 'path').path
}

describe('cost sharing', () => {
  it('shares a salary 60/40 between the EU action and the untied fund, to the cent, in the donor report in both formats', async () => {
    world = await sharingWorld()
    const { app, euId } = world
    const expenses = await sharedSalary(world)
    // 60 % of 4,321.07 is 2,592.642 → 2,592.64; 40 % is 1,728.428 → 1,728.43 (half up each,
    // which is what the largest remainder gives two shares); 2,592.64 + 1,728.43 = 4,321.07.
    const salary = found(expenses[0], 'salary')
    expect(salary).toMatchObject({ amount: 432_107, eurAmount: 432_107, agreementId: null })
    expect(salary.shares).toEqual([
      {
        agreementId: euId,
        agreementReference: 'UE-GOUV-2026',
        headingCode: '1',
        percentBp: 6000,
        amount: 259_264,
        eurAmount: 259_264,
      },
      {
        agreementId: null,
        agreementReference: null,
        headingCode: null,
        percentBp: 4000,
        amount: 172_843,
        eurAmount: 172_843,
      },
    ])
    // The ledger: one entry per share, each on its fund.
    expect(await ledgerSpending(app, euId)).toEqual({ native: 259_264, eur: 259_264 })
    expect(await ledgerSpending(app, null)).toEqual({ native: 172_843, eur: 172_843 })
    // The agreement page and the donor report say the same: spent 2,592.64 in « Ressources
    // humaines », held 40,000.00 − 2,592.64 = 37,407.36.
    const detail = await app.ok('agreements.get', { id: euId, asOf: '2026-12-31' })
    expect(detail.figures).toMatchObject({ received: 4_000_000, spent: 259_264 })
    expect(detail.figures.available).toBe(3_740_736)
    const request = {
      kind: 'donor' as const,
      agreementId: euId,
      from: '2026-01-01',
      to: '2026-12-31',
    }
    const report = await app.ok('reports.preview', request)
    expect(headingFigures(report, 'Ressources humaines')).toEqual([259_264, 259_264])
    expect(headingFigures(report, 'Total')).toEqual([259_264, 259_264])
    expect(balanceHeld(report)).toBe(3_740_736)
    // Overhead recovery counts the share among the action's eligible direct costs.
    const overhead = await app.ok('agreements.overhead', { id: euId, asOf: '2026-12-31' })
    expect(overhead?.directCosts).toBe(259_264)
    // The same figures in Excel and in PDF.
    const xlsx = await readWorkbook(await exportReport(euId, 'xlsx'))
    const sheet = found(xlsx.getWorksheet('Rapport financier'), 'sheet')
    expect(numberIn(rowWith(sheet, 'Ressources humaines').getCell(5))).toBe(2592.64)
    expect(numberIn(rowWith(sheet, 'Total').getCell(6))).toBe(2592.64)
    const text = await pdfText(await exportReport(euId, 'pdf'))
    expect(text).toMatch(/Ressources humaines[^\n]*2\s592,64/)
    expect(text).toMatch(/37\s407,36/)
    expect(await checked(world)).toEqual([])

    // Cancelled, every share is reversed: both funds are back where they were.
    await app.ok('budget.cancelExpense', { id: salary.id, reason: 'Saisie en double' })
    expect(await ledgerSpending(app, euId)).toEqual({ native: 0, eur: 0 })
    expect(await ledgerSpending(app, null)).toEqual({ native: 0, eur: 0 })
    const after = await app.ok('reports.preview', request)
    expect(balanceHeld(after)).toBe(4_000_000)
    expect(await checked(world)).toEqual([])
  }, 180_000)

  it('shares a USD expense three ways by a saved key: each share in its fund’s currency, the cents stated', async () => {
    world = await sharingWorld()
    const { app, euId, usdId, lineKey } = world
    const keys = await app.ok('budget.saveSharingKey', {
      name: 'Temps de Mme Diallo — mars 2026',
      rows: [
        { agreementId: euId, headingCode: '2', percent: '33.33' },
        { agreementId: usdId, percent: '33.33' },
        { agreementId: null, percent: '33.34' },
      ],
    })
    const key = found(keys[0], 'key')
    expect(key.rows.map((r) => r.percentBp)).toEqual([3333, 3333, 3334])
    const expenses = await app.ok('budget.addExpense', {
      confirmed: true,
      lineKey,
      spentOn: '2026-04-10',
      agreementId: null,
      description: 'Mission Dakar',
      amount: '1000.01',
      currency: 'USD',
      shares: {
        mode: 'percent',
        rows: key.rows.map((r) => ({
          agreementId: r.agreementId,
          headingCode: r.headingCode,
          percent: (r.percentBp / 100).toFixed(2),
        })),
      },
    })
    // 1,000.01 USD at 1.25 is 800.008 → 800.01 €. In USD: 333.303333, 333.303333, 333.403334
    // → 333.30, 333.30, 333.40 leave 0.01, which goes to the largest fraction (the third):
    // 333.41. In euros, 800.01 split as 333.30 : 333.30 : 333.41 is 266.6641, 266.6641,
    // 266.8729 → 266.64, 266.64, 266.72 leave 0.01 for the largest fraction: 266.73.
    const mission = found(expenses[0], 'mission')
    expect(mission.eurAmount).toBe(80_001)
    expect(mission.shares.map((s) => [s.amount, s.eurAmount])).toEqual([
      [33_330, 26_664],
      [33_330, 26_664],
      [33_341, 26_673],
    ])
    // The EU action pays euros (266.64 in « Voyages »), the USD action its dollars (333.30
    // at the expense's own rate), the untied fund 266.73 €.
    expect(await ledgerSpending(app, euId)).toEqual({ native: 26_664, eur: 26_664 })
    expect(await ledgerSpending(app, usdId)).toEqual({ native: 33_330, eur: 26_664 })
    expect(await ledgerSpending(app, null)).toEqual({ native: 26_673, eur: 26_673 })
    const euReport = await app.ok('reports.preview', {
      kind: 'donor',
      agreementId: euId,
      from: '2026-01-01',
      to: '2026-12-31',
    })
    expect(headingFigures(euReport, 'Voyages')).toEqual([26_664, 26_664])
    const usdReport = await app.ok('reports.preview', {
      kind: 'donor',
      agreementId: usdId,
      from: '2026-01-01',
      to: '2026-12-31',
    })
    // 10,000.00 USD received less 333.30 spent.
    expect(balanceHeld(usdReport)).toBe(1_000_000 - 33_330)
    const usdPage = await app.ok('agreements.get', { id: usdId, asOf: '2026-12-31' })
    expect(usdPage.figures.spent).toBe(33_330)
    const text = await pdfText(await exportReport(usdId, 'pdf'))
    expect(text).toMatch(/333,30/)
    expect(text).toMatch(/9\s666,70/)
    expect(await checked(world)).toEqual([])
  }, 180_000)

  it('refuses a share naming its row: outside its period, wrong nature, no such heading, not enough money, not 100 %', async () => {
    world = await sharingWorld()
    const { app, euId, investmentId, lineKey } = world
    const add = (rows: unknown[], extra: Record<string, unknown> = {}) =>
      app.call('budget.addExpense', {
        confirmed: true,
        lineKey,
        spentOn: '2026-08-01',
        agreementId: null,
        description: 'Loyer',
        amount: '1000',
        currency: 'EUR',
        shares: { mode: 'percent', rows },
        ...extra,
      } as never)
    const refusal = async (rows: unknown[], extra?: Record<string, unknown>) => {
      const result = await add(rows, extra)
      if (result.ok) throw new Error('accepted')
      const field = found(result.error.fields?.[0], 'field')
      return `${field.path}: ${field.message}`
    }
    const untied = { agreementId: null, percent: '50' }
    // UE-INV-2026 ended on 30 June (and pays investment only): its row is named.
    expect(await refusal([untied, { agreementId: investmentId, percent: '50' }])).toMatch(
      /^shares\.rows\.1\.agreementId: La convention UE-INV-2026 ne couvre pas cette date/,
    )
    expect(await refusal([untied, { agreementId: euId, headingCode: '9', percent: '50' }])).toMatch(
      /^shares\.rows\.1\.headingCode: /,
    )
    expect(
      await refusal([untied, { agreementId: euId, headingCode: '1', percent: '50.01' }]),
    ).toMatch(
      /^shares\.rows\.1\.percent: Les pourcentages font 100,01\s% : il faut 100 % exactement\.$/,
    )
    expect(await refusal([{ agreementId: euId, headingCode: '1', percent: '100' }])).toMatch(
      /^shares\.rows: /,
    )
    expect(
      await refusal([untied, { agreementId: euId, headingCode: '1', percent: '50' }], {
        amount: '250000',
      }),
    ).toMatch(/^shares\.rows\.(0|1)\.percent: .*(libre|plus que)/)
    expect(
      await refusal([untied, { agreementId: euId, headingCode: '1', percent: '50' }], {
        agreementId: euId,
      }),
    ).toMatch(/^agreementId: /)
    // By amounts: they must make the expense, to the cent.
    const byAmount = await app.call('budget.addExpense', {
      confirmed: true,
      lineKey,
      spentOn: '2026-08-01',
      agreementId: null,
      description: 'Loyer',
      amount: '1000',
      currency: 'EUR',
      shares: {
        mode: 'amount',
        rows: [
          { agreementId: null, amount: '600' },
          { agreementId: euId, headingCode: '1', amount: '399.99' },
        ],
      },
    })
    expect(byAmount.ok ? null : byAmount.error.fields?.[0]?.path).toBe('shares.rows.1.amount')
    expect(await app.ok('budget.expenses', { year: 2026 })).toEqual([])
  }, 120_000)
})
