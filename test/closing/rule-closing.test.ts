import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import type { ReportRequest } from '@shared/reports/model'
import { startTestApp, type TestApp } from '../support/core'
import { numberIn, readWorkbook, rowWith } from '../support/exports'
import { found } from '../support/found'
import { setUpUsdAgreement } from '../reports/usd-agreement'

let app: TestApp
afterEach(async () => app?.core.dispose())

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

/**
 * The USD agreement of `usd-agreement.ts` under the InforEuro rule, flagged EU / PRAG, with a 7 %
 * indirect-cost rate and 10 % co-financing required, and a third payment of 23,400 USD on 4 May
 * 2026 (bank 1.12: 20,892.86 €) so that it holds what the overhead takes. By hand:
 * - spending by InforEuro: 11,000 € × 1.0950 = 12,045.00; 40,000 € × 1.1150 = 44,600.00;
 *   25,000 € × 1.1150 = 27,875.00 → 84,520.00 USD (the bank's: 84,900.00; difference −380.00,
 *   −340.18 € — see rule-figures.test.ts);
 * - overhead: 7 % of 84,520.00 = 5,916.40 USD (at the bank's 84,900.00 it would be 5,943.00),
 *   in euros at the rate its direct costs were spent at by the rule: 5,916.40 × (76,000.00 −
 *   340.18) / 84,520.00 = 5,296.19(4) → 5,296.19 €;
 * - closing: eligible spending 84,520.00 + 5,916.40 = 90,436.40 USD; the funder's 90 % =
 *   81,392.76 USD = the final amount due (below the ceiling of 100,000.00 and the spending);
 *   received 100,000.00 → refund 18,607.24 USD, at the bank's 1.12: 16,613.61 €. At the bank's
 *   amounts it would have been 90 % of 90,816.40 = 81,734.76, refund 18,265.24.
 */
describe('an InforEuro agreement’s heading test, overhead and closing follow its rule', () => {
  it('posts 7 % of the rule’s direct costs and closes on the rule’s figures, to the cent', async () => {
    app = await startTestApp()
    const agreement = await setUpUsdAgreement(app)
    await app.ok('agreements.setConversionRule', {
      agreementId: agreement.id,
      rule: 'inforeuro_month',
    })
    const detail = await app.ok('agreements.get', { id: agreement.id })
    await app.ok('agreements.update', {
      id: agreement.id,
      fields: {
        funderId: detail.funderId,
        reference: detail.reference,
        title: detail.title,
        startsOn: detail.startsOn,
        endsOn: detail.endsOn,
        currency: 'USD',
        amount: '100000',
        earmarking: 'programme',
        programmeCode: 'local_governance',
        nature: 'operating',
        cofinancingPercent: '10',
        indirectCostMaxPercent: '7',
        euRules: true,
      },
    })
    await app.ok('receipts.add', {
      confirmed: true,
      agreementId: agreement.id,
      receivedOn: '2026-05-04',
      amount: '23400',
    })

    const before = await app.ok('agreements.overhead', { id: agreement.id, asOf: '2026-05-31' })
    expect(before).toMatchObject({ rateBp: 700, directCosts: 8_452_000, allowed: 591_640 })
    await app.ok('agreements.postOverhead', { agreementId: agreement.id, postedOn: '2026-05-31' })
    const posting = await app.core
      .requireSession()
      .file.db.selectFrom('overhead_recoveries')
      .select(['base_minor', 'amount_minor', 'eur_minor'])
      .where('agreement_id', '=', agreement.id)
      .executeTakeFirstOrThrow()
    expect(posting).toEqual({ base_minor: 8_452_000, amount_minor: 591_640, eur_minor: 529_619 })

    // The statement before closing, then closed: the rule's figures and the difference apart.
    const open = await app.ok('closing.statement', { agreementId: agreement.id })
    expect(open).toMatchObject({
      conversionRule: 'inforeuro_month',
      ceiling: 10_000_000,
      received: 10_000_000,
      eligibleSpending: 9_043_640,
      ineligibleSpending: 0,
      exchangeDifference: -38_000,
      funderShareBp: 9000,
      funderShare: 8_139_276,
      finalDue: 8_139_276,
      refund: 1_860_724,
      stillToReceive: 0,
    })
    const closed = await app.ok('closing.close', {
      agreementId: agreement.id,
      closedOn: '2026-11-30',
      confirmed: true,
    })
    expect(closed).toMatchObject({ finalDue: 8_139_276, refund: 1_860_724 })
    expect(closed.closing).toMatchObject({ refundEur: 1_661_361, refundRate: '1.12' })

    // The agreement page, the donor report and the closing agree to the cent.
    const page = await app.ok('agreements.get', { id: agreement.id, asOf: '2026-12-31' })
    expect(page.figures.spent).toBe(closed.eligibleSpending + closed.ineligibleSpending)
    expect(page.exchangeDifference.minor).toBe(closed.exchangeDifference)
    expect(page.figures.received).toBe(closed.finalDue)
    const workbook = await exportXlsx(
      { kind: 'donor', agreementId: agreement.id, from: '2026-01-01', to: '2026-12-31' },
      'donor-inforeuro-closed',
    )
    const cents = (sheet: string, label: string, column: number) =>
      Math.round(
        numberIn(rowWith(found(workbook.getWorksheet(sheet), sheet), label).getCell(column)) * 100,
      )
    expect(cents('Versements et solde', 'Dépensé', 2)).toBe(9_043_640)
    expect(cents('Rapport financier', 'Total', 6)).toBe(9_043_640)
    expect(
      cents(
        'Rapport financier',
        'Écart de change par rapport au taux de la banque (hors dépenses)',
        6,
      ),
    ).toBe(-38_000)
    expect(cents('Clôture', 'Montant final dû par le bailleur', 2)).toBe(8_139_276)
    expect(cents('Clôture', 'Dépenses imputées dans la période (éligibles)', 2)).toBe(9_043_640)
    expect(
      cents(
        'Clôture',
        'Écart de change des dépenses éligibles (règle du bailleur − banque, hors dépenses)',
        2,
      ),
    ).toBe(-38_000)
    // Heading 1: 84,520.00 USD for 65,000.00 (+30.0 %): flagged, the agreement being EU / PRAG.
    const headings = found(workbook.getWorksheet('Rapport financier'), 'headings')
    expect(String(rowWith(headings, 'Ressources humaines').getCell(10).value)).toContain('25 %')

    // aimf check: the frozen closing is the ledger's by the rule, the overhead within its cap.
    const path = found(app.core.fileInfo()?.path ?? null, 'path')
    await app.core.closeFile()
    expect(await checkFile(path)).toEqual([])
    await app.core.openFile(path)

    // The rule set back to the bank's afterwards: the closing was counted by InforEuro, as the
    // change log says, and keeps its figures; the check reads it by that rule.
    await app.ok('agreements.setConversionRule', { agreementId: agreement.id, rule: 'day_rate' })
    const later = await app.ok('closing.statement', { agreementId: agreement.id })
    expect(later).toMatchObject({ eligibleSpending: 9_043_640, exchangeDifference: -38_000 })
    expect(later.closing?.conversionRule).toBe('inforeuro_month')
    await app.core.closeFile()
    expect(await checkFile(path)).toEqual([])
    await app.core.openFile(path)
  })

  it('says a heading over budget without the +25 % flag when the agreement is not EU / PRAG', async () => {
    app = await startTestApp()
    const agreement = await setUpUsdAgreement(app)
    const workbook = await exportXlsx(
      { kind: 'donor', agreementId: agreement.id, from: '2026-01-01', to: '2026-12-31' },
      'donor-not-eu',
    )
    const headings = found(workbook.getWorksheet('Rapport financier'), 'headings')
    const note = String(rowWith(headings, 'Ressources humaines').getCell(10).value)
    expect(note).toBe('Au-delà du budget de la rubrique')
    const balance = found(workbook.getWorksheet('Versements et solde'), 'balance')
    const notes: string[] = []
    balance.eachRow((r) => notes.push(String(r.getCell(1).value ?? '')))
    expect(notes.some((n) => n.includes('70 %'))).toBe(false)
  })

  it('a closing counted at the bank’s rates keeps its figures and passes `aimf check` once its agreement’s rule changes', async () => {
    app = await startTestApp()
    const agreement = await setUpUsdAgreement(app)
    // By hand, at the bank's rates (the agreement's rule, the day's): eligible 12,100.00 +
    // 44,800.00 + 28,000.00 = 84,900.00 USD, all the funder's; received 55,000.00 + 21,600.00 =
    // 76,600.00; 8,300.00 still to receive. No exchange difference.
    const closed = await app.ok('closing.close', {
      agreementId: agreement.id,
      closedOn: '2026-11-30',
      confirmed: true,
    })
    const frozen = {
      eligibleSpending: 8_490_000,
      ineligibleSpending: 0,
      exchangeDifference: 0,
      finalDue: 8_490_000,
      received: 7_660_000,
      refund: 0,
      stillToReceive: 830_000,
    }
    expect(closed).toMatchObject({ ...frozen, conversionRule: 'day_rate' })
    expect(closed.closing?.conversionRule).toBe('day_rate')
    const path = found(app.core.fileInfo()?.path ?? null, 'path')
    const check = async () => {
      await app.core.closeFile()
      const problems = await checkFile(path)
      await app.core.openFile(path)
      return problems
    }
    expect(await check()).toEqual([])

    // The contract's rule set afterwards: InforEuro would give 84,520.00 USD, but the closing
    // was counted at the bank's — its figures stay, and it says which rule it used.
    await app.ok('agreements.setConversionRule', {
      agreementId: agreement.id,
      rule: 'inforeuro_month',
    })
    const after = await app.ok('closing.statement', { agreementId: agreement.id })
    expect(after).toMatchObject({ ...frozen, conversionRule: 'inforeuro_month' })
    expect(after.closing?.conversionRule).toBe('day_rate')
    expect(await check()).toEqual([])
    const workbook = await exportXlsx(
      { kind: 'donor', agreementId: agreement.id, from: '2026-01-01', to: '2026-12-31' },
      'donor-closed-at-bank',
    )
    const sheet = found(workbook.getWorksheet('Clôture'), 'closing sheet')
    const texts: string[] = []
    sheet.eachRow((r) => texts.push(String(r.getCell(1).value ?? '')))
    expect(texts).toContain('Décompte établi selon : Taux de la banque du jour.')
    expect(
      texts.some((t) => t.startsWith('La convention suit depuis la règle « Taux InforEuro')),
    ).toBe(true)
    expect(
      Math.round(numberIn(rowWith(sheet, 'Montant final dû par le bailleur').getCell(2)) * 100),
    ).toBe(8_490_000)

    // A frozen figure the ledger gives by no rule is still found.
    await sql`UPDATE agreement_closings SET eligible_minor = eligible_minor + 1`.execute(
      app.core.requireSession().file.db,
    )
    const problems = await check()
    expect(problems.map((p) => [p.key, p.params.what, p.params.stored])).toContainEqual([
      'closing.check.figures',
      'eligibleSpending',
      8_490_001,
    ])
  })
})
