import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/core'
import { formulaIn, numberIn, readWorkbook, rowWith } from '../support/exports'
import { convertWithLibreOffice, sofficePath } from '../support/libreoffice'
import { found } from '../support/found'
import { pdfWords, wordsOutside } from '../support/pdf-bounds'
import { closingSetUp } from '../closing/closing-setup'

let app: TestApp
afterEach(async () => app?.core.dispose())

/** Exports the agreement's donor report and waits for the file. */
async function exportDonor(agreementId: string, format: 'xlsx' | 'pdf', name: string) {
  const folder = join(app.folder, 'exports')
  await mkdir(folder, { recursive: true })
  app.host.nextExportPath = join(folder, `${name}.${format}`)
  let job = await app.ok('reports.begin', { request: { kind: 'donor', agreementId }, format })
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20))
    job = await app.ok('reports.progress', { jobId: job.jobId })
  }
  expect(job).toMatchObject({ state: 'done' })
  return found(job.result, 'path').path
}

/** A PDF's words joined line by line (words of a line share their top within a point). */
async function pdfLines(path: string): Promise<{ lines: string[]; outside: number }> {
  const pages = await pdfWords(path)
  const lines: string[] = []
  for (const page of pages) {
    const sorted = [...page.words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
    let current: typeof sorted = []
    for (const word of sorted) {
      if (current.length > 0 && Math.abs((current[0]?.yMin ?? 0) - word.yMin) > 1) {
        lines.push(current.map((w) => w.text).join(' '))
        current = []
      }
      current.push(word)
    }
    if (current.length > 0) lines.push(current.map((w) => w.text).join(' '))
  }
  return { lines, outside: wordsOutside(pages).length }
}

/** "29 999,98 €" as pdftotext gives it (any space between thousands). */
const spaced = (text: string) => text.replace(/[\s\u00a0\u202f]/g, ' ')

/** The row whose first cell reads `label`, whatever spaces the number formats put in it. */
function rowOf(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let hit: ExcelJS.Row | undefined
  sheet.eachRow((row) => {
    if (!hit && spaced(String(row.getCell(1).value ?? '')) === spaced(label)) hit = row
  })
  return found(hit ?? null, `row ${label}`)
}

/** Whether any cell of the sheet holds `text`. */
function holds(sheet: ExcelJS.Worksheet, text: string): boolean {
  let hit = false
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (spaced(String(cell.value ?? '')).includes(spaced(text))) hit = true
    }),
  )
  return hit
}

describe('the closing statement in the donor report', () => {
  it('prints a closing with a refund, equal to the closing tab and the ledger, in Excel and PDF', async () => {
    app = await startTestApp()
    const { agreement } = await closingSetUp(app)
    // 100,000 € agreement, 20 % co-financing required; 80,000 € received.
    const eu = await agreement('100000', '20')
    expect((await eu.receipt('2026-02-01', '80000')).ok).toBe(true)
    expect((await eu.expense('2026-03-31', '30000.01')).ok).toBe(true)
    expect((await eu.expense('2026-06-30', '20000.02')).ok).toBe(true)
    for (const [kind, amount, contributor] of [
      ['cash', '12500', 'AIMF (fonds délié)'],
      ['in_kind', '5000', 'Ville de Dakar'],
    ] as const) {
      await app.ok('closing.addContribution', {
        agreementId: eu.id,
        kind,
        contributedOn: '2026-05-01',
        contributor,
        description: 'Apport à l’action',
        amount,
      })
    }
    // By hand: eligible 50,000.03 + cash 12,500 = 62,500.03 €; 80 % = 50,000.024 → 50,000.02 €
    // (below the 100,000 € ceiling and the 50,000.03 € charged); refund 80,000 − 50,000.02 =
    // 29,999.98 €; the in-kind 5,000 € out of the eligible costs.
    const statement = await app.ok('closing.close', {
      agreementId: eu.id,
      closedOn: '2026-11-30',
      confirmed: true,
    })
    expect(statement).toMatchObject({
      totalEligible: 6_250_003,
      finalDue: 5_000_002,
      received: 8_000_000,
      refund: 2_999_998,
      stillToReceive: 0,
      inKind: 500_000,
    })
    const page = await app.ok('agreements.get', { id: eu.id })
    // The ledger: what was received net of the refund is the final amount due.
    expect(page.figures.received).toBe(5_000_002)

    const workbook = await readWorkbook(await exportDonor(eu.id, 'xlsx', 'closing'))
    const sheet = found(workbook.getWorksheet('Clôture'), 'closing sheet')
    const value = (label: string) => numberIn(rowOf(sheet, label).getCell(2))
    expect(value('Plafond de la convention')).toBe(100_000)
    expect(value('Dépenses imputées dans la période (éligibles)')).toBe(50_000.03)
    expect(
      value(
        'Dépenses non éligibles (hors période, rubrique que la convention n’a pas, nature qu’elle ne finance pas)',
      ),
    ).toBe(0)
    expect(value('Cofinancement en numéraire')).toBe(12_500)
    expect(value('Coûts éligibles de l’action')).toBe(62_500.03)
    expect(value('Part du bailleur (80 % des coûts éligibles)')).toBe(50_000.02)
    expect(value('Montant final dû par le bailleur')).toBe(statement.finalDue / 100)
    expect(value('Reçu du bailleur')).toBe(statement.received / 100)
    expect(value('Solde à rembourser au bailleur')).toBe(29_999.98)
    expect(value('Solde restant à recevoir du bailleur')).toBe(0)
    expect(value('Contributions en nature (hors coûts éligibles)')).toBe(5000)
    // Live formulas: the eligible costs and the refund recompute from the rows above.
    const eligible = rowWith(sheet, 'Coûts éligibles de l’action')
    expect(formulaIn(eligible.getCell(2))).toMatch(/^SUM\(|^B\d+\+B\d+$/)
    const refundRow = rowWith(sheet, 'Solde à rembourser au bailleur')
    const due = rowWith(sheet, 'Montant final dû par le bailleur')
    const received = rowWith(sheet, 'Reçu du bailleur')
    expect(formulaIn(refundRow.getCell(2))).toBe(`B${received.number}-B${due.number}`)
    // The refund as the ledger holds it, and what was received net of it: the agreement page's.
    const booked = rowWith(sheet, 'Remboursement au bailleur (clôture)')
    expect(numberIn(booked.getCell(3))).toBe(29_999.98)
    expect(numberIn(booked.getCell(5))).toBe(29_999.98)
    expect(numberIn(rowWith(sheet, 'Reçu net du remboursement').getCell(3))).toBe(
      page.figures.received / 100,
    )
    expect(holds(sheet, 'Décompte de clôture au 30/11/2026')).toBe(true)
    let cofinancing: ExcelJS.Row | undefined
    sheet.eachRow((r) => {
      if (r.getCell(3).value === 'Ville de Dakar') cofinancing = r
    })
    cofinancing = found(cofinancing ?? null, 'in-kind row')
    expect(cofinancing.getCell(2).value).toBe('En nature')
    expect(numberIn(cofinancing.getCell(5))).toBe(5000)

    const pdf = await pdfLines(await exportDonor(eu.id, 'pdf', 'closing'))
    expect(pdf.outside).toBe(0)
    const line = (label: string) => {
      const hit = pdf.lines.find((l) => l.startsWith(label))
      return spaced(found(hit ?? null, `PDF line ${label}`))
    }
    expect(line('Décompte de clôture au 30/11/2026')).toBeTruthy()
    expect(line('Coûts éligibles de l’action')).toContain('62 500,03 €')
    expect(line('Montant final dû par le bailleur')).toContain('50 000,02 €')
    expect(line('Reçu du bailleur')).toContain('80 000,00 €')
    expect(line('Solde à rembourser au bailleur')).toContain('29 999,98 €')
    expect(line('Contributions en nature')).toContain('5 000,00 €')
    expect(line('Reçu net du remboursement')).toContain('50 000,02 €')
  }, 90_000)

  it('prints a provisional statement with the balance still to receive when not closed', async () => {
    app = await startTestApp()
    const { agreement } = await closingSetUp(app)
    const action = await agreement('50000', null)
    await action.receipt('2026-02-01', '20000')
    await action.expense('2026-04-30', '35000.55')
    const statement = await app.ok('closing.statement', { agreementId: action.id })
    const workbook = await readWorkbook(await exportDonor(action.id, 'xlsx', 'open'))
    const sheet = found(workbook.getWorksheet('Clôture'), 'closing sheet')
    expect(holds(sheet, 'Décompte de clôture provisoire au')).toBe(true)
    const value = (label: string) => numberIn(rowOf(sheet, label).getCell(2))
    expect(value('Montant final dû par le bailleur')).toBe(35_000.55)
    expect(value('Solde restant à recevoir du bailleur')).toBe(statement.stillToReceive / 100)
    expect(value('Solde restant à recevoir du bailleur')).toBe(15_000.55)
    expect(value('Solde à rembourser au bailleur')).toBe(0)
    expect(() => rowWith(sheet, 'Remboursement au bailleur (clôture)')).toThrow()
    const pdf = await pdfLines(await exportDonor(action.id, 'pdf', 'open'))
    expect(pdf.outside).toBe(0)
    expect(pdf.lines.some((l) => l.startsWith('Décompte de clôture provisoire'))).toBe(true)
    expect(
      pdf.lines.some(
        (l) => l.startsWith('Solde restant à recevoir') && spaced(l).includes('15 000,55 €'),
      ),
    ).toBe(true)
  }, 90_000)

  it('lists the spending not eligible with its reason and amount, as the closing tab does, in Excel (reopened and recalculated) and PDF', async () => {
    app = await startTestApp()
    const { agreement } = await closingSetUp(app)
    const action = await agreement('100000', null)
    const headings = (codes: string[]) =>
      app.ok('agreements.saveHeadings', {
        agreementId: action.id,
        headings: (
          [
            { code: '1', label: 'Ressources humaines', role: 'direct', amount: '60000' },
            { code: '2', label: 'Voyages', role: 'direct', amount: '40000' },
          ] as const
        ).filter((h) => codes.includes(h.code)),
      })
    await headings(['1', '2'])
    await action.receipt('2026-02-01', '60000')
    await action.expense('2026-03-31', '30000.01', { headingCode: '1', description: 'Salaires' })
    await action.expense('2026-05-10', '1000', { headingCode: '2', description: 'Mission à Dakar' })
    await action.expense('2026-06-15', '499.99', {
      headingCode: '2',
      description: 'Mission à Lomé',
    })
    // The travel heading dropped: its two missions, 1,499.99 €, no longer eligible.
    await headings(['1'])
    // By hand: eligible 30,000.01 €, not eligible 1,000.00 + 499.99 = 1,499.99 €, together the
    // 31,500.00 € charged; the funder pays it all: 30,000.01 € due, 29,999.99 € to refund.
    const statement = await app.ok('closing.close', {
      agreementId: action.id,
      closedOn: '2026-11-30',
      confirmed: true,
    })
    expect(statement).toMatchObject({
      eligibleSpending: 3_000_001,
      ineligibleSpending: 149_999,
      finalDue: 3_000_001,
      refund: 2_999_999,
    })
    // The tab's list, which the report must repeat.
    expect(statement.ineligible.map((i) => [i.description, i.amount, i.reason])).toEqual([
      ['Mission à Dakar', 100_000, 'headingUnknown'],
      ['Mission à Lomé', 49_999, 'headingUnknown'],
    ])

    const xlsx = await exportDonor(action.id, 'xlsx', 'ineligible')
    const sheet = found((await readWorkbook(xlsx)).getWorksheet('Clôture'), 'closing sheet')
    expect(holds(sheet, 'Dépenses non éligibles et leur motif')).toBe(true)
    const dakar = rowWith(sheet, 'Mission à Dakar')
    expect(dakar.getCell(1).value).toBeInstanceOf(Date)
    expect(dakar.getCell(3).value).toBe('2')
    expect(dakar.getCell(4).value).toBe('Rubrique « 2 » que la convention n’a pas')
    expect(numberIn(dakar.getCell(5))).toBe(1000)
    expect(numberIn(rowWith(sheet, 'Mission à Lomé').getCell(5))).toBe(499.99)
    const total = rowWith(sheet, 'Total des dépenses non éligibles')
    expect(numberIn(total.getCell(5))).toBe(1499.99)
    expect(formulaIn(total.getCell(5))).toBe(
      `SUM(E${dakar.number}:E${rowWith(sheet, 'Mission à Lomé').number})`,
    )
    // The statement's own row says the same total.
    const ineligibleRow = rowOf(
      sheet,
      'Dépenses non éligibles (hors période, rubrique que la convention n’a pas, nature qu’elle ne finance pas)',
    )
    expect(numberIn(ineligibleRow.getCell(2))).toBe(1499.99)
    expect(
      holds(
        sheet,
        'Dépenses éligibles 30 000,01 € + non éligibles 1 499,99 € = 31 500,00 €, les dépenses imputées à la convention selon sa règle de conversion.',
      ),
    ).toBe(true)
    if (sofficePath() || process.env.CI) {
      const saved = await convertWithLibreOffice([xlsx], 'xlsx', join(app.folder, 'saved'))
      const theirs = await readWorkbook(found(saved.get(xlsx), 'LibreOffice copy'))
      const recalculated = found(theirs.getWorksheet('Clôture'), 'recalculated sheet')
      expect(numberIn(rowWith(recalculated, 'Total des dépenses non éligibles').getCell(5))).toBe(
        1499.99,
      )
      expect(numberIn(rowWith(recalculated, 'Mission à Lomé').getCell(5))).toBe(499.99)
    }

    const pdf = await pdfLines(await exportDonor(action.id, 'pdf', 'ineligible'))
    expect(pdf.outside).toBe(0)
    const line = (words: string) => {
      const hit = pdf.lines.find((l) => spaced(l).includes(words))
      return spaced(found(hit ?? null, `PDF line ${words}`))
    }
    expect(line('Dépenses non éligibles et leur motif')).toBeTruthy()
    expect(line('Mission à Dakar')).toMatch(
      /^10\/05\/2026 Mission à Dakar 2 Rubrique « 2 ».*1 000,00 €$/,
    )
    expect(line('Mission à Lomé')).toMatch(
      /^15\/06\/2026 Mission à Lomé 2 Rubrique « 2 ».*499,99 €$/,
    )
    expect(line('Total des dépenses non éligibles')).toMatch(/1 499,99 €$/)
  }, 300_000)
})
