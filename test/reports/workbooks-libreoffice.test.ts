import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { summaryJson } from '../../electron/main/cli/summary-output'
import { checkFile } from '../../electron/main/check/file-check'
import { fundsSummary } from '../../electron/main/funds/ledger'
import { buildReport, writeReport } from '../../electron/main/reports/build-report'
import { listReport } from '../../electron/main/reports/list-report'
import { reportWorkbook } from '../../electron/main/reports/report-xlsx'
import { listExportInput } from '@shared/reports/list-export'
import { registersWorkbook } from '../../electron/main/workbook/workbook-writer'
import { LANGUAGES } from '@shared/i18n/locale'
import { reportRequest, type ReportRequest } from '@shared/reports/model'
import { today } from '@shared/validation/dates'
import { importWorkbook, startDemoApp, startTestApp, type TestApp } from '../support/core'
import { readWorkbook } from '../support/exports'
import { convertWithLibreOffice, sofficePath } from '../support/libreoffice'
import { filterRange, readPackage } from '../support/xlsx-package'
import { REGISTERS } from '../../electron/main/workbook/registers'

const run = promisify(execFile)

/**
 * Every workbook the app writes, opened as a funder or an auditor would in LibreOffice Calc:
 * recalculated, saved, printed to PDF; and the full export, saved by LibreOffice, imported back.
 * LibreOffice is installed by CI (.ci/run); elsewhere without it, the tests say so and skip.
 */
const soffice = sofficePath()
if (!soffice && !process.env.CI)
  console.warn(
    'LibreOffice (soffice) is not installed: the LibreOffice workbook tests are skipped.',
  )

let app: TestApp
/** Our workbooks, and what LibreOffice made of each (recalculated and saved as xlsx). */
const written: { path: string; kind: 'report' | 'registers' }[] = []
let saved = new Map<string, string | null>()
let printed = new Map<string, string | null>()

describe.skipIf(!soffice && !process.env.CI)('the workbooks in LibreOffice', () => {
  beforeAll(async () => {
    app = await startDemoApp()
    const session = app.core.requireSession()
    const folder = join(app.folder, 'ours')
    await mkdir(folder, { recursive: true })
    for (const [name, request] of await reportRequests()) {
      for (const language of LANGUAGES) {
        const report = await buildReport(
          session,
          reportRequest.parse({ ...request, language }),
          language,
        )
        const path = join(folder, `${name}-${language}.xlsx`)
        await writeReport(report, 'xlsx', path)
        written.push({ path, kind: 'report' })
      }
    }
    // A register's list as the page sends it (issue 24's export): groups, subtotals, a total.
    for (const language of LANGUAGES) {
      const report = await listReport(session, listExportInput.parse(expensesList()), language)
      const path = join(folder, `liste-${language}.xlsx`)
      await writeFile(path, await reportWorkbook(report))
      written.push({ path, kind: 'report' })
    }
    for (const language of LANGUAGES) {
      for (const [name, from] of [
        ['modele', undefined],
        ['export', session],
      ] as const) {
        const path = join(folder, `${name}-${language}.xlsx`)
        await writeFile(path, await registersWorkbook(REGISTERS, language, from))
        written.push({ path, kind: 'registers' })
      }
    }
    const paths = written.map((w) => w.path)
    saved = await convertWithLibreOffice(paths, 'xlsx', join(app.folder, 'saved'))
    printed = await convertWithLibreOffice(
      written.filter((w) => w.kind === 'report').map((w) => w.path),
      'pdf',
      join(app.folder, 'printed'),
    )
  }, 600_000)
  afterAll(async () => app?.core.dispose())

  it('open in LibreOffice; every part is well-formed, every font named, every name sound', async () => {
    expect(written.length).toBeGreaterThan(20)
    for (const { path } of written) {
      expect(saved.get(path), `LibreOffice could not open ${path}`).toBeTruthy()
      const ours = await readPackage(path)
      const parts = join(app.folder, 'parts', path.split('/').at(-1) ?? '')
      const files: string[] = []
      for (const [name, xml] of ours.parts) {
        const file = join(parts, name.replace(/[^\w.]+/g, '_'))
        await mkdir(parts, { recursive: true })
        await writeFile(file, xml)
        files.push(file)
      }
      await run('xmllint', ['--noout', ...files])
      // Every font carries its name and size: LibreOffice draws a font without them in Cambria.
      const fonts = [...(ours.parts.get('xl/styles.xml') ?? '').matchAll(/<font>(.*?)<\/font>/g)]
      expect(fonts.length, path).toBeGreaterThan(0)
      for (const [font] of fonts)
        expect(font, path).toMatch(/<sz val=.*<name val=|<name val=.*<sz val=/)
      // Each filter is declared once, on the sheet that has it, with the sheet's own range.
      const filterNames = ours.definedNames.filter((n) => n.name === '_xlnm._FilterDatabase')
      const filtered = ours.sheets.filter((sheet) => sheet.autoFilter)
      expect(filtered.length, path).toBeGreaterThan(0)
      expect(filterNames.length, path).toBe(filtered.length)
      for (const name of filterNames) {
        const sheet = ours.sheets[name.localSheetId ?? -1]
        expect(sheet?.autoFilter, `${path} ${name.value}`).toBe(filterRange(name.value))
      }
      const keys = ours.definedNames.map((n) => `${n.name}|${n.localSheetId}`)
      expect(new Set(keys).size, path).toBe(keys.length)
      expect(ours.sheets[ours.activeTab]?.state, path).toBe('visible')
    }
  }, 120_000)

  it('recalculated by LibreOffice, every formula gives the value the file stores, and none fails', async () => {
    let formulas = 0
    for (const { path } of written) {
      const ours = await readWorkbook(path)
      const theirs = await readWorkbook(saved.get(path) ?? '')
      for (const sheet of ours.worksheets) {
        const recalculated = theirs.getWorksheet(sheet.name)
        expect(recalculated, `${path} ${sheet.name}`).toBeTruthy()
        recalculated?.eachRow((row) =>
          row.eachCell((cell) =>
            expect(errorOf(cell.value), `${path} ${sheet.name}!${cell.address}`).toBeNull(),
          ),
        )
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (!isFormula(cell.value)) return
            formulas += 1
            const stored = resultOf(cell.value)
            const value = resultOf(recalculated?.getCell(cell.address).value ?? null)
            const where = `${path} ${sheet.name}!${cell.address} ${cell.value.formula}`
            if (typeof stored === 'number' || typeof value === 'number')
              expect(Math.abs(Number(value) - Number(stored)), where).toBeLessThanOrEqual(
                1e-9 * Math.max(1, Math.abs(Number(stored))),
              )
            else expect(value, where).toBe(stored)
          }),
        )
      }
    }
    expect(formulas).toBeGreaterThan(500)
  }, 120_000)

  it('keep their filters and open on a visible sheet once saved by LibreOffice', async () => {
    for (const { path } of written) {
      const ours = await readPackage(path)
      const theirs = await readPackage(saved.get(path) ?? '')
      // LibreOffice writes back only the filters it read: its name for each is the proof.
      const declared = theirs.definedNames
        .filter((n) => n.name === '_xlnm._FilterDatabase')
        .map((n) => `${theirs.sheets[n.localSheetId ?? -1]?.name}!${filterRange(n.value)}`)
        .sort()
      const filters = ours.sheets
        .filter((sheet) => sheet.autoFilter)
        .map((sheet) => `${sheet.name}!${sheet.autoFilter}`)
        .sort()
      expect(declared, path).toEqual(filters)
      expect(theirs.sheets[theirs.activeTab]?.state, path).toBe('visible')
      // The closed lists of the registers stay out of sight.
      expect(
        theirs.sheets.map((s) => `${s.name}:${s.state}`),
        path,
      ).toEqual(ours.sheets.map((s) => `${s.name}:${s.state}`))
    }
  }, 120_000)

  it('print in LibreOffice without a figure too wide for its column (###)', async () => {
    const reports = written.filter((w) => w.kind === 'report')
    for (const { path } of reports) {
      const pdf = printed.get(path)
      expect(pdf, `LibreOffice could not print ${path}`).toBeTruthy()
      const { stdout } = await run('pdftotext', ['-layout', pdf ?? '', '-'])
      expect(stdout.length, path).toBeGreaterThan(200)
      expect(stdout, path).not.toContain('###')
    }
  }, 120_000)

  it('the full export, saved by LibreOffice, keeps every value and re-imports to the same figures', async () => {
    const session = app.core.requireSession()
    // One day for both summaries: two calls of today() straddle midnight on a late run.
    const asOf = today()
    const expected = summaryJson(await fundsSummary(session.file.db, null, asOf))
    for (const language of LANGUAGES) {
      const path = join(app.folder, 'ours', `export-${language}.xlsx`)
      const resaved = saved.get(path) ?? ''
      const ours = await readWorkbook(path)
      const theirs = await readWorkbook(resaved)
      let numbers = 0
      for (const sheet of ours.worksheets) {
        const other = theirs.getWorksheet(sheet.name)
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            const value = other?.getCell(cell.address).value ?? null
            if (typeof cell.value === 'number') numbers += 1
            expect(plain(value), `${sheet.name}!${cell.address}`).toEqual(plain(cell.value))
          }),
        )
      }
      // Amounts, rates and percentages are numbers a spreadsheet sums and sorts.
      expect(numbers).toBeGreaterThan(300)

      const target = await startTestApp()
      try {
        const job = await importWorkbook(target, resaved)
        expect(job.state, job.failure ?? '').toBe('done')
        const imported = target.core.requireSession()
        expect(summaryJson(await fundsSummary(imported.file.db, null, asOf))).toEqual(expected)
      } finally {
        await target.core.dispose()
      }
      expect(await checkFile(join(target.folder, 'data.sqlite'))).toEqual([])
    }
  }, 300_000)
})

/** A list of expenses grouped by line, with amounts of both signs and under a euro. */
function expensesList() {
  const money = (minor: number) => ({ kind: 'money', minor, currency: 'EUR' })
  const item = (day: string, label: string, minor: number) => ({
    style: 'item',
    cells: [{ kind: 'date', iso: day }, { kind: 'text', text: label }, money(minor)],
  })
  return {
    title: 'Dépenses du budget',
    parameters: [{ label: 'Recherche', value: 'loyer' }],
    columns: [
      { label: 'Date', kind: 'date' },
      { label: 'Libellé', kind: 'text' },
      { label: 'Montant', kind: 'money' },
    ],
    rows: [
      { style: 'group', cells: [{ kind: 'text', text: '61 – Loyers' }, null, null] },
      item('2025-01-31', 'Loyer de janvier', 1_250_000),
      item('2025-02-28', 'Régularisation de charges', -5),
      { style: 'subtotal', cells: [null, null, money(1_249_995)] },
      { style: 'group', cells: [{ kind: 'text', text: '62 – Frais bancaires' }, null, null] },
      item('2025-03-31', 'Frais de tenue de compte', 123),
      { style: 'subtotal', cells: [null, null, money(123)] },
      { style: 'total', cells: [null, null, money(1_250_118)] },
    ],
  }
}

/** The reports of the demo: every kind, and the donor report of agreements of each kind. */
async function reportRequests(): Promise<[string, ReportRequest][]> {
  const requests: [string, ReportRequest][] = [
    ['budget-2025', { kind: 'budget', year: 2025 }],
    ['fund', { kind: 'fund', to: '2025-12-31' }],
    ['projects', { kind: 'projects', from: '2000-01-01', to: '2099-12-31' }],
    ['dues-2025', { kind: 'dues', year: 2025 }],
  ]
  const seen = new Set<string>()
  for (const agreement of await app.ok('agreements.list', {})) {
    const detail = await app.ok('agreements.get', { id: agreement.id })
    const kind = `${detail.currency}|${detail.budget.headings.length > 0}|${detail.figures.spent > 0}`
    if (seen.has(kind)) continue
    seen.add(kind)
    requests.push([`donor-${agreement.reference}`, { kind: 'donor', agreementId: agreement.id }])
  }
  return requests
}

function isFormula(value: ExcelJS.CellValue): value is ExcelJS.CellFormulaValue {
  return value !== null && typeof value === 'object' && 'formula' in value
}

/**
 * A formula's result as stored. exceljs's reader drops a stored 0 and an empty text (the file
 * holds them): both read as empty here, on either side.
 */
function resultOf(value: ExcelJS.CellValue): number | string | null {
  const result = isFormula(value) ? value.result : value
  if (result === undefined || result === null || result === '' || result === 0) return null
  if (typeof result === 'number' || typeof result === 'string') return result
  return JSON.stringify(result)
}

function errorOf(value: ExcelJS.CellValue): string | null {
  const result = isFormula(value) ? value.result : value
  return result && typeof result === 'object' && 'error' in result ? String(result.error) : null
}

/** A cell's value for comparison: dates as days, text without its rich-text parts. */
function plain(value: ExcelJS.CellValue): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (value && typeof value === 'object' && 'richText' in value)
    return value.richText.map((part) => part.text).join('')
  return value
}
