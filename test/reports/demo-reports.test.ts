import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { iatiActivities } from '../../electron/main/iati/iati-activities'
import type { ReportRequest } from '@shared/reports/model'
import { startDemoApp, type TestApp } from '../support/core'
import { frenchAmount, numberIn, pdfText, readWorkbook, rowWith } from '../support/exports'
import { found } from '../support/found'

let app: TestApp
beforeAll(async () => {
  app = await startDemoApp()
}, 180_000)
afterAll(async () => app?.core.dispose())

/** Exports a report in both formats and returns the workbook and the PDF's text. */
async function exportBoth(request: ReportRequest, name: string) {
  const paths: Record<'xlsx' | 'pdf', string> = {
    xlsx: join(app.folder, `${name}.xlsx`),
    pdf: join(app.folder, `${name}.pdf`),
  }
  for (const format of ['xlsx', 'pdf'] as const) {
    app.host.nextExportPath = paths[format]
    let job = await app.ok('reports.begin', { request, format })
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 25))
      job = await app.ok('reports.progress', { jobId: job.jobId })
    }
    expect(job, job.failure ?? '').toMatchObject({ state: 'done' })
  }
  return { workbook: await readWorkbook(paths.xlsx), text: await pdfText(paths.pdf) }
}

const euros = (minor: number) =>
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(minor / 100)

/** Each report on the demo file shows the same totals as the screens, in Excel and in PDF. */
describe('the reports of the demo file', () => {
  it('the fund position equals the dashboard', async () => {
    const summary = await app.ok('funds.summary', {})
    const { workbook, text } = await exportBoth({ kind: 'fund' }, 'fund')
    const sheet = found(workbook.worksheets[0], 'sheet')
    const total = rowWith(sheet, 'Total')
    // Columns: reference, funder, currency, committed, received, allocated, spent, available...
    const received = summary.byClass.tied.received + summary.byClass.untied.received
    const spent = summary.byClass.tied.spent + summary.byClass.untied.spent
    expect(Math.round(numberIn(total.getCell(5)) * 100)).toBe(received)
    expect(Math.round(numberIn(total.getCell(7)) * 100)).toBe(spent)
    const untiedSubtotal = rowWith(sheet, 'Sous-total Fonds déliés')
    expect(Math.round(numberIn(untiedSubtotal.getCell(8)) * 100)).toBe(
      summary.byClass.untied.available,
    )
    expect(text).toMatch(frenchAmount(euros(received)))
  })

  it('the donor report of the EU action equals the agreement’s page', async () => {
    const agreements = await app.ok('agreements.list', {})
    const eu = found(
      agreements.find((a) => a.reference === 'UE-ANE-2010-CI-BF'),
      'EU agreement',
    )
    const detail = await app.ok('agreements.get', { id: eu.id })
    const { workbook, text } = await exportBoth(
      { kind: 'donor', agreementId: eu.id, from: '2010-01-01', to: '2099-12-31' },
      'donor',
    )
    const sheet = found(workbook.getWorksheet('Rapport financier'), 'sheet')
    const cumulative = Math.round(numberIn(rowWith(sheet, 'Total').getCell(6)) * 100)
    expect(cumulative).toBe(detail.figures.spent)
    expect(text).toMatch(frenchAmount(euros(detail.figures.spent)))
    const receipts = found(workbook.getWorksheet('Versements et solde'), 'receipts')
    expect(Math.round(numberIn(rowWith(receipts, 'Reçu du bailleur').getCell(3)) * 100)).toBe(
      detail.figures.received,
    )
  })

  it('the budget report equals the budget screen', async () => {
    const versions = await app.ok('budget.versions', {})
    const current = found(
      versions.find((v) => v.year === 2025 && v.isCurrent),
      '2025 budget',
    )
    const view = await app.ok('budget.view', { versionId: current.id, asOf: null })
    const { workbook, text } = await exportBoth({ kind: 'budget', year: 2025 }, 'budget')
    const sheet = found(workbook.getWorksheet('Totaux'), 'totals')
    const expense = rowWith(sheet, 'Dépenses')
    expect(Math.round(numberIn(expense.getCell(4)) * 100)).toBe(view.totals.expense.planned)
    expect(Math.round(numberIn(expense.getCell(6)) * 100)).toBe(view.totals.expense.spent)
    expect(view.totals.expense.spent).toBeGreaterThan(0)
    expect(text).toMatch(frenchAmount(euros(view.totals.expense.spent)))
  })

  it('the Cooperation Fund report equals the projects list', async () => {
    const projects = await app.ok('projects.list', {})
    const { workbook, text } = await exportBoth(
      { kind: 'projects', from: '2000-01-01', to: '2099-12-31' },
      'projects',
    )
    const sheet = found(workbook.getWorksheet('Projets'), 'projects sheet')
    let totalRow = 0
    sheet.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith('Total (')) totalRow = row.number
    })
    const paid = projects.reduce((sum, p) => sum + p.paidEur, 0)
    expect(Math.round(numberIn(sheet.getCell(totalRow, 11)) * 100)).toBe(paid)
    expect(text).toMatch(frenchAmount(euros(paid)))
  })

  it('the dues report equals the collection dashboard', async () => {
    const summary = await app.ok('dues.summary', { year: 2025 })
    const { workbook, text } = await exportBoth({ kind: 'dues', year: 2025 }, 'dues')
    const total = rowWith(found(workbook.worksheets[0], 'sheet'), 'Total')
    expect(Math.round(numberIn(total.getCell(3)) * 100)).toBe(summary.calledEur)
    expect(Math.round(numberIn(total.getCell(4)) * 100)).toBe(summary.collectedEur)
    expect(Math.round(numberIn(total.getCell(10)) * 100)).toBe(summary.arrears.total)
    expect(text).toMatch(frenchAmount(euros(summary.calledEur)))
  })

  it('writes rates, years and titles as a reader of each language expects', async () => {
    const agreements = await app.ok('agreements.list', {})
    const gates = found(
      agreements.find((a) => a.reference === 'BMGF-SUCSS-2017'),
      'Gates agreement',
    )
    const donor = await exportBoth({ kind: 'donor', agreementId: gates.id }, 'gates')
    const receipts = found(donor.workbook.getWorksheet('Versements et solde'), 'receipts')
    const rates: number[] = []
    receipts.eachRow((row) => {
      const cell = row.getCell(4)
      if (typeof cell.value !== 'number') return
      rates.push(cell.value)
      // A number with every decimal it has, which the spreadsheet shows in its reader's way.
      expect(cell.numFmt).toMatch(/^#,##0(\.0+)?$/)
    })
    expect(rates.length).toBeGreaterThan(0)
    for (const rate of rates) expect(donor.text).toContain(String(rate).replace('.', ','))

    const dues = await exportBoth({ kind: 'dues', year: 2025 }, 'dues-years')
    const history = found(dues.workbook.getWorksheet('Dix ans de recouvrement'), 'history')
    expect(history.getCell('A9').value).toBe(2016)
    expect(history.getCell('A9').numFmt).toBe('0')
    expect(dues.text).toMatch(/^\s*2016\s/m)
    expect(dues.text).not.toMatch(/^\s*2\s016\s/m)

    const english = await exportBoth(
      { kind: 'projects', from: '2000-01-01', to: '2099-12-31', language: 'en' },
      'projects-en',
    )
    const kigali = rowWith(
      found(english.workbook.getWorksheet('Projects'), 'projects'),
      'FC-2019-014',
    )
    expect(kigali.getCell(2).value).toBe(
      'Maternal and reproductive health — Kigali health centres and maternity ward',
    )
    // The title wraps in its column, so the row's other cells come between its lines: its words
    // in order within the row, the French title's nowhere.
    const row = /\nFC-2019-014 [\s\S]*?(?=\nFC-|$)/.exec(english.text)?.[0] ?? ''
    const words = kigali.getCell(2).text.split(/\s+/)
    let at = 0
    for (const title of words) {
      const next = row.indexOf(title, at)
      expect(next, `« ${title} » of the English title in ${row}`).toBeGreaterThanOrEqual(at)
      at = next + title.length
    }
    const project = found(
      (await app.ok('projects.list', {})).find((p) => p.code === 'FC-2019-014'),
      'Kigali project',
    )
    expect(row).not.toContain(project.title.split(' ').slice(0, 3).join(' '))
  })

  it('gives an agreement without headings nor spending its whole amount as budget', async () => {
    const agreements = await app.ok('agreements.list', {})
    const grant = found(
      agreements.find((a) => a.reference === 'SUBV-MEAE-2026'),
      'untied grant',
    )
    const detail = await app.ok('agreements.get', { id: grant.id })
    expect(detail.figures.spent).toBe(0)
    const preview = await app.ok('reports.preview', { kind: 'donor', agreementId: grant.id })
    const rows = preview.sheets[0]?.tables[0]?.rows ?? []
    const budgetOf = (label: string) => {
      const line = rows.find((r) => r.cells[1]?.kind === 'text' && r.cells[1].text === label)
      const cell = line?.cells[2]
      return cell?.kind === 'money' ? cell.minor : null
    }
    expect(budgetOf('Dépenses (la convention n’a pas de rubriques)')).toBe(detail.figures.committed)
    expect(budgetOf('Total')).toBe(detail.figures.committed)
    expect(detail.figures.committed).toBeGreaterThan(0)
  })

  it('exports the projects as IATI 2.03 activities that validate against the schema', async () => {
    const xml = await iatiActivities(app.core.requireSession())
    const path = join(app.folder, 'activities.xml')
    await import('node:fs/promises').then((fs) => fs.writeFile(path, xml))
    const { stderr } = await promisify(execFile)('xmllint', [
      '--noout',
      '--schema',
      'resources/iati/iati-activities-schema.xsd',
      path,
    ])
    expect(stderr).toContain('validates')
    expect(xml).toContain('<iati-activities version="2.03"')
    // Every code used comes from the IATI codelists shipped with the app.
    for (const [codelist, pattern] of [
      ['OrganisationRole', /<participating-org[^>]* role="(\d+)"/g],
      ['TransactionType', /<transaction-type code="(\d+)"/g],
      ['ActivityStatus', /<activity-status code="(\d+)"/g],
      ['EarmarkingCategory', /<aid-type code="(\d+)" vocabulary="2"/g],
      ['ResultType', /<result type="(\d+)"/g],
    ] as const) {
      const list = await readFile(`resources/iati/codelists/${codelist}.xml`, 'utf8')
      const codes = new Set([...list.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]))
      const used = new Set([...xml.matchAll(pattern)].map((m) => m[1]))
      expect(used.size, codelist).toBeGreaterThan(0)
      for (const code of used) expect(codes.has(code), `${codelist} ${code}`).toBe(true)
    }
    expect(xml).toMatch(/<sector vocabulary="1" code="\d{5}"/)
    // Titles in French, and in English where the project has one.
    expect(xml).toContain(
      '<narrative xml:lang="en">Peacebuilding by local authorities — Côte d’Ivoire and Burkina Faso</narrative>',
    )
  })
})
