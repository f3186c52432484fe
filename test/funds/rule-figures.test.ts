import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConversionRule } from '@shared/funds/conversion-rule'
import type { ReportDocument, ReportRequest } from '@shared/reports/model'
import { startTestApp, type TestApp } from '../support/core'
import { numberIn, readWorkbook, rowWith } from '../support/exports'
import { found } from '../support/found'
import { setUpUsdAgreement } from '../reports/usd-agreement'

let app: TestApp
afterEach(async () => app?.core.dispose())

/**
 * The USD agreement of `usd-agreement.ts` read on 31 December 2026: 76,600.00 USD received
 * (70,000.00 €), 84,900.00 USD spent at the bank (76,000.00 €). Each rule's difference in
 * dollars is the donor report's (`donor-conversion.test.ts`); in euros, each spending's
 * difference at its own bank rate (its euros over its dollars), rounded half-up:
 * - InforEuro: −55.00 × 11,000/12,100 = −50.00; −200.00 × 40,000/44,800 = −178.57(14);
 *   −125.00 × 25,000/28,000 = −111.60(71) → −111.61: −340.18 €;
 * - average: −1,028.57 × 40,000/44,800 = −918.36(6) → −918.37; −642.86 × 25,000/28,000 =
 *   −573.98(2) → −573.98: −1,492.35 €;
 * - FIFO: −820.00 × 40,000/44,800 = −732.14(3) → −732.14; −760.00 × 25,000/28,000 =
 *   −678.57(1) → −678.57: −1,410.71 €.
 */
const DIFFERENCE: Record<ConversionRule, { minor: number; eur: number }> = {
  day_rate: { minor: 0, eur: 0 },
  inforeuro_month: { minor: -38_000, eur: -34_018 },
  receipts_average: { minor: -167_143, eur: -149_235 },
  receipts_fifo: { minor: -158_000, eur: -141_071 },
}
const AS_OF = '2026-12-31'
const FUND_LINE = 'Écarts de change (règle du bailleur vs banque)'

/** The report as the Rapports screen exports it, read back from its Excel file. */
async function exportXlsx(request: ReportRequest, name: string) {
  const folder = join(app.folder, 'exports')
  await mkdir(folder, { recursive: true })
  app.host.nextExportPath = join(folder, `${name}.xlsx`)
  let job = await app.ok('reports.begin', { request, format: 'xlsx' })
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20))
    job = await app.ok('reports.progress', { jobId: job.jobId })
  }
  expect(job).toMatchObject({ state: 'done' })
  return readWorkbook(found(job.result, 'path').path)
}

/** The ledger's tied euros to the day: spent and available, as every entry sums them. */
async function ledgerTied(): Promise<{ spent: number; available: number }> {
  const rows = await sql<{ kind: string; eur: number }>`
    SELECT kind, SUM(eur_minor) AS eur FROM ledger_entries
    WHERE deleted_at IS NULL AND fund_class = 'tied' AND entry_date <= ${AS_OF}
    GROUP BY kind`.execute(app.core.requireSession().file.db)
  const sum = (...kinds: string[]) =>
    rows.rows.filter((r) => kinds.includes(r.kind)).reduce((s, r) => s + Number(r.eur), 0)
  const spent = sum('disbursement', 'expense')
  return { spent, available: sum('receipt', 'due_payment', 'other_income') - spent }
}

/** A row of the fund position (preview) by its first or second cell; its money cells by column. */
function fundRow(document: ReportDocument, label: string) {
  const rows = found(document.sheets[0]?.tables[0], 'position').rows
  const line = rows.find((r) =>
    [r.cells[0], r.cells[1]].some((c) => c?.kind === 'text' && c.text === label),
  )
  return (column: number) => {
    const cell = line?.cells[column]
    return cell?.kind === 'money' ? cell.minor : null
  }
}
// The fund position's columns: committed, received, allocated, spent, available, unallocated.
const SPENT = 6
const AVAILABLE = 7

describe('the agreement page and the fund position follow the agreement’s conversion rule', () => {
  it('shows the donor report’s figures to the cent, and the ledger’s with the difference line', async () => {
    app = await startTestApp()
    const agreement = await setUpUsdAgreement(app)
    const ledger = await ledgerTied()
    expect(ledger).toEqual({ spent: 7_600_000, available: -600_000 })
    for (const rule of Object.keys(DIFFERENCE) as ConversionRule[]) {
      await app.ok('agreements.setConversionRule', { agreementId: agreement.id, rule })
      const difference = DIFFERENCE[rule]

      // The agreement page: spent and available by the rule, in dollars and in euros.
      const page = await app.ok('agreements.get', { id: agreement.id, asOf: AS_OF })
      expect(page.conversionRule).toBe(rule)
      expect(page.exchangeDifference, rule).toEqual(difference)
      expect(page.figures).toMatchObject({
        received: 7_660_000,
        spent: 8_490_000 + difference.minor,
        available: 7_660_000 - 8_490_000 - difference.minor,
        committed: 10_000_000,
      })
      expect(page.figuresEur).toMatchObject({
        received: 7_000_000,
        spent: 7_600_000 + difference.eur,
        available: -600_000 - difference.eur,
      })
      // The conversion section says the same difference.
      const section = await app.ok('agreements.conversion', { id: agreement.id, asOf: AS_OF })
      expect(section.difference).toBe(difference.minor)

      // The donor report's Excel file: received, spent and the balance held are the page's.
      const workbook = await exportXlsx(
        { kind: 'donor', agreementId: agreement.id, from: '2026-01-01', to: AS_OF },
        `donor-${rule}`,
      )
      const balance = found(workbook.getWorksheet('Versements et solde'), 'balance sheet')
      const cents = (label: string, column: number) =>
        Math.round(numberIn(rowWith(balance, label).getCell(column)) * 100)
      expect(cents('Reçu du bailleur', 3), rule).toBe(page.figures.received)
      expect(cents('Dépensé', 2), rule).toBe(page.figures.spent)
      expect(cents('Solde détenu', 2), rule).toBe(page.figures.available)
      const headings = found(workbook.getWorksheet('Rapport financier'), 'headings sheet')
      expect(Math.round(numberIn(rowWith(headings, 'Total').getCell(6)) * 100)).toBe(
        page.figures.spent,
      )

      // The fund position: the agreement at its rule, the difference on its own line, and the
      // tied funds' subtotal the ledger's.
      const position = await app.ok('reports.preview', { kind: 'fund', to: AS_OF })
      const own = fundRow(position, 'US-2026')
      expect([own(SPENT), own(AVAILABLE)], rule).toEqual([
        page.figuresEur.spent,
        page.figuresEur.available,
      ])
      const line = fundRow(position, FUND_LINE)
      if (rule === 'day_rate') expect(line(SPENT)).toBeNull()
      else expect([line(SPENT), line(AVAILABLE)], rule).toEqual([-difference.eur, difference.eur])
      const subtotal = fundRow(position, 'Sous-total Fonds liés (fléchés)')
      expect([subtotal(SPENT), subtotal(AVAILABLE)], rule).toEqual([ledger.spent, ledger.available])

      // The dashboard: the tied funds by the rule, and the difference that makes the ledger.
      const summary = await app.ok('funds.summary', { year: 2026 })
      expect(summary.byClass.tied.spent, rule).toBe(page.figuresEur.spent)
      expect(summary.exchangeDifference.tied, rule).toEqual({
        period: difference.eur,
        held: difference.eur,
      })
      expect(summary.byClass.tied.spent - summary.exchangeDifference.tied.period).toBe(ledger.spent)
      expect(summary.byClass.tied.available + summary.exchangeDifference.tied.held).toBe(
        ledger.available,
      )
    }
    // The ledger was never rewritten: choosing a rule only reads it differently.
    expect(await ledgerTied()).toEqual(ledger)
  }, 180_000)
})
