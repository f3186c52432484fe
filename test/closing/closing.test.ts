import { afterEach, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { closingFigures } from '@shared/closing/closing-figures'
import { startTestApp, type TestApp } from '../support/core'
import { sha256 } from '../support/files'
import { found } from '../support/found'
import { closingSetUp } from './closing-setup'

let app: TestApp
let file = ''
afterEach(async () => app?.core.dispose())

/** The open file's path, kept while it is closed for a check. */
function path(): string {
  file = app.core.fileInfo()?.path ?? file
  return found(file || null, 'file path')
}

/** The file closed, checked, and opened again. */
async function checked() {
  const at = path()
  await app.core.closeFile()
  const problems = await checkFile(at)
  await app.core.openFile(at)
  return problems
}

describe('closing figures, by hand', () => {
  it('rounds the funder’s share half-up once, on the total', () => {
    // 62,500.03 € × 80 % = 50,000.024 € → 50,000.02 €.
    const figures = closingFigures({
      ceiling: 10_000_000,
      eligibleSpending: 5_000_003,
      cashCofinancing: 1_250_000,
      cofinancingBp: 2000,
      received: 8_000_000,
    })
    expect(figures).toEqual({
      totalEligible: 6_250_003,
      funderShareBp: 8000,
      funderShare: 5_000_002,
      finalDue: 5_000_002,
      refund: 2_999_998,
      stillToReceive: 0,
    })
    // Exactly half a cent goes up: 0.01 € at 50 % → 0.01 €.
    expect(
      closingFigures({
        ceiling: 100,
        eligibleSpending: 1,
        cashCofinancing: 0,
        cofinancingBp: 5000,
        received: 0,
      }).funderShare,
    ).toBe(1)
  })

  it('caps the final amount at the ceiling and at the spending charged to the funder', () => {
    const base = { cashCofinancing: 0, cofinancingBp: null, received: 0 }
    expect(closingFigures({ ...base, ceiling: 1000, eligibleSpending: 1500 }).finalDue).toBe(1000)
    expect(
      closingFigures({ ...base, ceiling: 1000, eligibleSpending: 600, received: 900 }),
    ).toMatchObject({ finalDue: 600, refund: 300, stillToReceive: 0 })
    // Cash co-financing raises the share, never above what was charged to the funder.
    expect(
      closingFigures({
        ...base,
        ceiling: 1000,
        eligibleSpending: 600,
        cashCofinancing: 900,
        cofinancingBp: 2000,
      }).finalDue,
    ).toBe(600)
  })
})

describe('closing an agreement', () => {
  it('closes an EU action with a refund to the cent, guards it, and reopens it', async () => {
    app = await startTestApp()
    const { agreement } = await closingSetUp(app)
    const eu = await agreement('100000', '20')
    expect((await eu.receipt('2026-02-01', '80000')).ok).toBe(true)
    expect((await eu.expense('2026-03-31', '30000.01')).ok).toBe(true)
    expect((await eu.expense('2026-06-30', '20000.02')).ok).toBe(true)
    // Spending after the end of the action is refused at entry (so none is ineligible here).
    expect((await eu.expense('2026-10-15', '1000')).ok).toBe(false)
    await app.ok('closing.addContribution', {
      agreementId: eu.id,
      kind: 'cash',
      contributedOn: '2026-06-30',
      contributor: 'AIMF (fonds délié)',
      description: 'Salaires du coordinateur',
      amount: '12500',
    })
    const preview = await app.ok('closing.addContribution', {
      agreementId: eu.id,
      kind: 'in_kind',
      contributedOn: '2026-05-01',
      contributor: 'Ville de Dakar',
      description: 'Salle mise à disposition',
      amount: '5000',
    })
    // 50,000.03 + 12,500 = 62,500.03 € eligible; 80 % = 50,000.02 €; the in-kind 5,000 € apart.
    expect(preview).toMatchObject({
      closing: null,
      ceiling: 10_000_000,
      eligibleSpending: 5_000_003,
      ineligibleSpending: 0,
      cashCofinancing: 1_250_000,
      inKind: 500_000,
      totalEligible: 6_250_003,
      funderShare: 5_000_002,
      finalDue: 5_000_002,
      received: 8_000_000,
      refund: 2_999_998,
      stillToReceive: 0,
    })

    // Closing asks for confirmation first, with the figures, and writes nothing until then.
    const at = path()
    await app.core.closeFile()
    const before = await sha256(at)
    await app.core.openFile(at)
    const asked = await app.call('closing.close', { agreementId: eu.id, closedOn: '2026-11-30' })
    expect(asked.ok).toBe(false)
    if (!asked.ok) {
      expect(asked.error.code).toBe('NEEDS_CONFIRMATION')
      expect(JSON.stringify(asked.error)).toContain('29')
    }
    await app.core.closeFile()
    expect(await sha256(path())).toBe(before)
    await app.core.openFile(path())

    const closed = await app.ok('closing.close', {
      agreementId: eu.id,
      closedOn: '2026-11-30',
      confirmed: true,
    })
    expect(closed.closing).toMatchObject({ closedOn: '2026-11-30', refundEur: 2_999_998 })
    expect(closed.refund).toBe(2_999_998)
    // The refund is in the one ledger: received is now the final amount due.
    const detail = await app.ok('agreements.get', { id: eu.id })
    expect(detail.figures.received).toBe(5_000_002)
    expect(detail.figuresEur.received).toBe(5_000_002)
    // The lists say it is closed, so that the forms offer it no more (agreement-choices.ts).
    expect(detail.closedOn).toBe('2026-11-30')
    const listed = await app.ok('agreements.list', {})
    expect(listed.find((a) => a.id === eu.id)?.closedOn).toBe('2026-11-30')
    expect(await checked()).toEqual([])

    // A closed agreement refuses spending, a cancellation and a new receipt, naming the field.
    for (const attempt of [
      () => eu.expense('2026-09-30', '10'),
      () => eu.receipt('2026-12-01', '10'),
      () =>
        app.call('closing.addContribution', {
          agreementId: eu.id,
          kind: 'cash',
          contributedOn: '2026-06-30',
          contributor: 'X',
          description: 'Y',
          amount: '1',
        }),
      () =>
        app.call('closing.close', { agreementId: eu.id, closedOn: '2026-12-01', confirmed: true }),
    ]) {
      await app.core.closeFile()
      const unchanged = await sha256(path())
      await app.core.openFile(path())
      const result = await attempt()
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('CONFLICT')
        expect(result.error.fields?.[0]?.path).toBe('agreementId')
        expect(result.error.message).toContain('UE-CLOS-1')
        expect(result.error.message).not.toMatch(/\{\{|undefined|Error:/)
      }
      await app.core.closeFile()
      expect(await sha256(path())).toBe(unchanged)
      await app.core.openFile(path())
    }
    const receipts = (await app.ok('agreements.get', { id: eu.id })).receipts
    const cancel = await app.call('receipts.cancel', {
      id: found(receipts[0], 'receipt').id,
      reason: 'erreur',
    })
    expect(cancel.ok).toBe(false)

    // Reopening reverses the refund, with the reason; spending is accepted again.
    const reopened = await app.ok('closing.reopen', {
      id: found(closed.closing, 'closing').id,
      reason: 'Dépense oubliée',
    })
    expect(reopened.closing).toBeNull()
    expect((await app.ok('agreements.list', {})).find((a) => a.id === eu.id)?.closedOn).toBeNull()
    expect((await app.ok('agreements.get', { id: eu.id })).figures.received).toBe(8_000_000)
    expect((await eu.expense('2026-09-30', '10')).ok).toBe(true)
    expect(await checked()).toEqual([])
  }, 60_000)

  it('leaves the balance still to receive, and accepts that last payment only', async () => {
    app = await startTestApp()
    const { agreement } = await closingSetUp(app)
    const action = await agreement('50000', null)
    await action.receipt('2026-02-01', '20000')
    await action.expense('2026-04-30', '35000.55')
    const closed = await app.ok('closing.close', {
      agreementId: action.id,
      closedOn: '2026-10-31',
      confirmed: true,
    })
    expect(closed).toMatchObject({ finalDue: 3_500_055, refund: 0, stillToReceive: 1_500_055 })
    expect((await action.receipt('2026-12-15', '15000.56')).ok).toBe(false)
    expect((await action.receipt('2026-12-15', '15000.55')).ok).toBe(true)
    expect((await action.receipt('2026-12-16', '0.01')).ok).toBe(false)
    expect(await checked()).toEqual([])
  }, 60_000)
})
