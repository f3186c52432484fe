import { access, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildReport, writeReport } from '../../electron/main/reports/build-report'
import type { ProjectDetail } from '@shared/projects/schema'
import { reportRequest } from '@shared/reports/model'
import { startTestApp, type TestApp } from '../support/core'
import {
  formulaIn,
  frenchAmount,
  numberIn,
  pdfText,
  readWorkbook,
  renderFirstPage,
  rowWith,
} from '../support/exports'
import { found } from '../support/found'
import { EU_ACTION_HEADINGS } from '../support/funding'

let app: TestApp
afterEach(async () => app?.core.dispose())

/**
 * An EU action of 100,000 € with three headings, financing a project in Dakar: 60,000 € on
 * heading 1 and 30,000 € on heading 2, both committed; one tranche of 45,000 € paid pro rata
 * (30,000 on 1, 15,000 on 2) on 2026-03-10; and a Secretariat expense of 2,000 € on heading 8
 * on 2026-06-30. Receipts: 50,000 € on 2026-01-20.
 */
async function setUp() {
  app = await startTestApp()
  const eu = await app.ok('funders.create', {
    name: 'Union européenne',
    kind: 'multilateral',
    defaultCurrency: 'EUR',
  })
  const action = await app.ok('agreements.create', {
    funderId: eu.id,
    reference: 'UE-GOUV-2026',
    title: 'Gouvernance locale au Sahel',
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    currency: 'EUR',
    amount: '100000',
    earmarking: 'programme',
    programmeCode: 'local_governance',
    nature: 'mixed',
    operatingSharePercent: '20',
    cofinancingPercent: '10',
  })
  await app.ok('agreements.saveHeadings', {
    agreementId: action.id,
    headings: [...EU_ACTION_HEADINGS],
  })
  await app.ok('receipts.add', {
    confirmed: true,
    agreementId: action.id,
    receivedOn: '2026-01-20',
    amount: '50000',
  })
  const dakar = await app.ok('members.create', {
    kind: 'city',
    name: 'Ville de Dakar',
    country: 'SN',
    status: 'active',
  })
  let project: ProjectDetail = await app.ok('projects.create', {
    title: 'Gouvernance participative à Dakar',
    memberId: dakar.id,
    sectorCode: '15112',
    programme: 'local_governance',
    nature: 'investment',
    currency: 'EUR',
    totalCost: '100000',
    startsOn: '2026-01-01',
    endsOn: '2027-06-30',
  })
  for (const [headingCode, amount] of [
    ['1', '60000'],
    ['2', '30000'],
  ] as const) {
    project = await app.ok('projects.addFinancingLine', {
      projectId: project.id,
      source: 'agreement',
      agreementId: action.id,
      headingCode,
      amount,
      currency: 'EUR',
    })
  }
  project = await app.ok('projects.addFinancingLine', {
    projectId: project.id,
    source: 'city_cash',
    amount: '10000',
    currency: 'EUR',
  })
  for (const [status, onDate] of [
    ['approved', '2026-01-15'],
    ['agreement_signed', '2026-02-01'],
    ['in_progress', '2026-02-15'],
  ] as const) {
    project = await app.ok('projects.transition', {
      confirmed: true,
      projectId: project.id,
      to: status,
      onDate,
      bureauMeeting: status === 'approved' ? 'Bureau de janvier 2026' : undefined,
    })
  }
  for (const line of project.plan.lines.filter((l) => l.source === 'agreement')) {
    project = await app.ok('projects.commitFinancingLine', {
      confirmed: true,
      id: line.id,
      committedOn: '2026-02-01',
    })
  }
  project = await app.ok('projects.addTranche', {
    projectId: project.id,
    plannedOn: '2026-03-01',
    amount: '45000',
  })
  await app.ok('projects.payTranche', {
    confirmed: true,
    id: found(project.tranches[0], 'tranche').id,
    paidOn: '2026-03-10',
  })
  const budget = await app.ok('budget.create', { year: 2026 })
  const withLine = await app.ok('budget.saveItem', {
    versionId: budget.version.id,
    kind: 'line',
    code: 'G1',
    label: 'Gestion de l’action UE',
    direction: 'expense',
    nature: 'operating',
    planned: '5000',
  })
  await app.ok('budget.addExpense', {
    confirmed: true,
    lineKey: found(withLine.items[0], 'line').lineKey,
    spentOn: '2026-06-30',
    agreementId: action.id,
    headingCode: '8',
    description: 'Frais de gestion du premier semestre',
    amount: '2000',
    currency: 'EUR',
  })
  return { action, project }
}

describe('the donor financial report', () => {
  it('shows the agreement’s headings, period and cumulative spending, computed by hand, in Excel and PDF', async () => {
    const { action } = await setUp()
    const request = {
      kind: 'donor' as const,
      agreementId: action.id,
      from: '2026-04-01',
      to: '2026-12-31',
    }
    const preview = await app.ok('reports.preview', request)
    expect(preview.parameters.map((p) => p.value)).toContain('01/04/2026 – 31/12/2026')

    const folder = join(app.folder, 'exports')
    await mkdir(folder, { recursive: true })
    const exportAs = async (format: 'xlsx' | 'pdf') => {
      app.host.nextExportPath = join(folder, `donor.${format}`)
      let job = await app.ok('reports.begin', { request, format })
      while (job.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 20))
        job = await app.ok('reports.progress', { jobId: job.jobId })
      }
      expect(job).toMatchObject({ state: 'done', progress: 1 })
      return found(job.result, 'path').path
    }

    const workbook = await readWorkbook(await exportAs('xlsx'))
    const sheet = found(workbook.getWorksheet('Rapport financier'), 'sheet')
    // Columns: code, heading, budget, before, period, cumulative, remaining, variance, %, note.
    const figures = (label: string) =>
      [3, 4, 5, 6, 7, 8].map((c) => numberIn(rowWith(sheet, label).getCell(c)))
    // Heading 1: 30,000 paid on 2026-03-10, before the period.
    expect(figures('Ressources humaines')).toEqual([60000, 30000, 0, 30000, 30000, -30000])
    expect(figures('Voyages')).toEqual([33000, 15000, 0, 15000, 18000, -18000])
    expect(figures('Sous-total des coûts directs')).toEqual([93000, 45000, 0, 45000, 48000, -48000])
    // Heading 8: the 2,000 € expense of 2026-06-30, in the period.
    expect(figures('Coûts indirects')).toEqual([6510, 0, 2000, 2000, 4510, -4510])
    expect(figures('Total')).toEqual([99510, 45000, 2000, 47000, 52510, -52510])
    const total = rowWith(sheet, 'Total')
    // The total adds the direct subtotal and the indirect costs, the rows just above it.
    expect(formulaIn(total.getCell(3))).toBe(`SUM(C${total.number - 2}:C${total.number - 1})`)
    expect(formulaIn(total.getCell(6))).toBe(`D${total.number}+E${total.number}`)
    expect(formulaIn(total.getCell(7))).toBe(`C${total.number}-F${total.number}`)
    const subtotal = rowWith(sheet, 'Sous-total des coûts directs')
    expect(formulaIn(subtotal.getCell(3))).toBe(
      `SUM(C${subtotal.number - 2}:C${subtotal.number - 1})`,
    )
    expect(sheet.getCell(`C${total.number}`).numFmt).toContain('€')
    expect(sheet.views[0]).toMatchObject({ state: 'frozen' })
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 })

    const receipts = found(workbook.getWorksheet('Versements et solde'), 'receipts sheet')
    expect(numberIn(rowWith(receipts, 'Solde détenu').getCell(2))).toBe(50000 - 47000)
    expect(numberIn(rowWith(receipts, 'Reste à recevoir').getCell(2))).toBe(50000)
    const cofinancing = found(workbook.getWorksheet('Cofinancement'), 'cofinancing sheet')
    expect(numberIn(rowWith(cofinancing, 'Ville — en numéraire').getCell(2))).toBe(10000)
    expect(numberIn(rowWith(cofinancing, 'Total').getCell(2))).toBe(100000)

    const pdf = await exportAs('pdf')
    const text = await pdfText(pdf)
    expect(text).toContain('Rapport financier au bailleur')
    const amounts = (...parts: string[]) =>
      new RegExp(parts.map((part) => frenchAmount(part).source).join('\\s+'))
    expect(text).toMatch(
      amounts('Total', '99 510,00 €', '45 000,00 €', '2 000,00 €', '47 000,00 €'),
    )
    expect(text).toMatch(/Page 1 \/ \d/)
    // The 7 % cap (the EU default) on the 45,000 € of direct costs spent: 3,150 €.
    expect(text).toMatch(
      amounts('Coûts indirects :', '2 000,00 €', 'pour un plafond de', '3 150,00 €'),
    )
    await mkdir('test-results/reports', { recursive: true })
    await renderFirstPage(pdf, 'test-results/reports/donor-report')
  })

  it('stops a PDF being drawn when the user cancels, leaving no file', async () => {
    const { action } = await setUp()
    const report = await buildReport(
      app.core.requireSession(),
      reportRequest.parse({ kind: 'donor', agreementId: action.id }),
      'fr',
    )
    const path = join(app.folder, 'cancelled.pdf')
    const controller = new AbortController()
    const shares: number[] = []
    const writing = writeReport(report, 'pdf', path, {
      signal: controller.signal,
      onProgress: (share) => shares.push(share),
    })
    controller.abort()
    await expect(writing).rejects.toMatchObject({ code: 'CANCELLED' })
    await expect(access(path)).rejects.toThrow()
    expect(shares).not.toContain(1)
    // The stopped worker is replaced: the next PDF is drawn whole.
    await writeReport(report, 'pdf', path)
    expect(await pdfText(path)).toContain('Page 1 /')
  })
})
