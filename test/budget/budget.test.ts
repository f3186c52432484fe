import { afterEach, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import type { BudgetView } from '@shared/budget/schema'
import { startTestApp, type TestApp } from '../support/core'
import { found } from '../support/found'
import { EU_ACTION_HEADINGS, franceAndEu, untiedGrant } from '../support/funding'

let app: TestApp
afterEach(async () => app?.core.dispose())

/** An untied grant of 200,000 € and an EU operating action of 100,000 € with EU headings. */
async function setUp() {
  app = await startTestApp()
  const { france, eu } = await franceAndEu(app)
  const untied = await untiedGrant(app, france.id, { endsOn: '2026-12-31', amount: '200000' })
  const action = await app.ok('agreements.create', {
    funderId: eu.id,
    reference: 'UE-GOUV-2026',
    title: 'Action UE gouvernance',
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    currency: 'EUR',
    amount: '100000',
    earmarking: 'programme',
    programmeCode: 'local_governance',
    nature: 'operating',
  })
  await app.ok('agreements.saveHeadings', {
    agreementId: action.id,
    headings: [...EU_ACTION_HEADINGS],
  })
  await app.ok('receipts.add', {
    confirmed: true,
    agreementId: untied.id,
    receivedOn: '2026-02-01',
    amount: '200000',
  })
  const created = await app.ok('budget.create', { year: 2026 })
  const versionId = created.version.id
  const save = (item: Record<string, unknown>) =>
    app.ok('budget.saveItem', { versionId, ...item } as never) as Promise<BudgetView>
  let view = await save({
    kind: 'chapter',
    code: '1',
    label: 'Fonctionnement du Secrétariat',
    direction: 'expense',
    nature: 'operating',
  })
  const chapter = found(view.items[0], 'chapter')
  view = await save({
    parentId: chapter.id,
    kind: 'line',
    code: '1.1',
    label: 'Salaires',
    direction: 'expense',
    nature: 'operating',
    planned: '120000',
    sources: [
      { agreementId: null, amount: '60000' },
      { agreementId: action.id, amount: '60000' },
    ],
  })
  view = await save({
    parentId: chapter.id,
    kind: 'line',
    code: '1.2',
    label: 'Missions',
    direction: 'expense',
    nature: 'operating',
    planned: '30000',
    sources: [{ agreementId: action.id, amount: '30000' }],
  })
  view = await save({
    kind: 'line',
    code: 'R1',
    label: 'Subventions de fonctionnement',
    direction: 'income',
    nature: 'operating',
    planned: '200000',
    tracks: 'receipts',
    sources: [{ agreementId: untied.id, amount: '200000' }],
  })
  const line = (code: string) =>
    found(
      view.items.find((i) => i.code === code),
      code,
    )
  return { untied, action, versionId, salaries: line('1.1'), missions: line('1.2'), save }
}

describe('the budget', () => {
  it('counts on an income line only the receipts of its planned sources, and none without one', async () => {
    const { action, save } = await setUp()
    // A tied receipt of the EU action: 40,000.25 €. With the untied grant's 200,000 €, the
    // agreements received 240,000.25 € in 2026.
    await app.ok('receipts.add', {
      confirmed: true,
      agreementId: action.id,
      receivedOn: '2026-05-02',
      amount: '40000.25',
    })
    await save({
      kind: 'line',
      code: 'R2',
      label: 'Subventions d’investissement',
      direction: 'income',
      nature: 'investment',
      planned: '50000',
      tracks: 'receipts',
      sources: [],
    })
    const view = await save({
      kind: 'line',
      code: 'R3',
      label: 'Action UE',
      direction: 'income',
      nature: 'operating',
      planned: '100000',
      tracks: 'receipts',
      sources: [{ agreementId: action.id, amount: '100000' }],
    })
    const line = (code: string) =>
      found(
        view.items.find((i) => i.code === code),
        code,
      )
    // The untied grant's line: its own 200,000 €, not the EU's money.
    expect(line('R1').figures).toMatchObject({ planned: 20_000_000, spent: 20_000_000 })
    expect(line('R1').noSource).toBe(false)
    // No planned source: nothing counted (it used to take all 240,000.25 €), and it says so.
    expect(line('R2').figures).toMatchObject({
      planned: 5_000_000,
      committed: 0,
      spent: 0,
      remaining: 5_000_000,
      executed: 0,
    })
    expect(line('R2').noSource).toBe(true)
    // The EU line: its 40,000.25 € received, committed 100,000 €.
    expect(line('R3').figures).toMatchObject({
      planned: 10_000_000,
      committed: 10_000_000,
      spent: 4_000_025,
      remaining: 5_999_975,
    })
    // Income received: 200,000 + 0 + 40,000.25, each receipt counted once.
    expect(view.totals.income.spent).toBe(24_000_025)
    expect(view.totals.income.planned).toBe(35_000_000)
  })

  it('sets expenses against lines and funds, and computes budget vs actual from the ledger', async () => {
    const { action, versionId, salaries, missions } = await setUp()
    await app.ok('budget.addExpense', {
      confirmed: true,
      lineKey: salaries.lineKey,
      spentOn: '2026-03-31',
      description: 'Salaires de mars',
      amount: '10000',
      currency: 'EUR',
    })
    await app.ok('budget.addExpense', {
      confirmed: true,
      lineKey: salaries.lineKey,
      spentOn: '2026-03-31',
      agreementId: action.id,
      headingCode: '1',
      description: 'Chargé de programme UE, mars',
      amount: '4500.50',
      currency: 'EUR',
    })
    // 1,000,000 XOF at the fixed parity: 1,524.49 € of the EU action.
    await app.ok('budget.addExpense', {
      confirmed: true,
      lineKey: missions.lineKey,
      spentOn: '2026-04-10',
      agreementId: action.id,
      headingCode: '2',
      supplier: 'Air Sénégal',
      description: 'Mission Dakar',
      amount: '1000000',
      currency: 'XOF',
    })
    const view = await app.ok('budget.view', { versionId, asOf: '2026-12-31' })
    const item = (code: string) =>
      found(
        view.items.find((i) => i.code === code),
        code,
      )
    expect(item('1.1').figures).toMatchObject({
      planned: 12_000_000,
      spent: 1_450_050,
      remaining: 12_000_000 - 1_450_050,
      variance: 1_450_050 - 12_000_000,
    })
    expect(item('1.2').figures.spent).toBe(152_449)
    expect(item('1').figures.planned).toBe(15_000_000)
    expect(item('1').figures.spent).toBe(1_450_050 + 152_449)
    expect(item('R1').figures).toMatchObject({ planned: 20_000_000, spent: 20_000_000 })
    expect(view.totals.expense.spent).toBe(1_602_499)
    expect(view.totals.bySource.untied).toMatchObject({ planned: 6_000_000, spent: 1_000_000 })
    expect(view.totals.bySource.tied).toMatchObject({ planned: 9_000_000, spent: 602_499 })
    expect(view.totals.balancePlanned).toBe(20_000_000 - 15_000_000)
    expect(view.totals.untiedShare).toBe(1)
    // The same figures are read at an earlier date without the later expenses.
    const march = await app.ok('budget.view', { versionId, asOf: '2026-03-31' })
    expect(march.totals.expense.spent).toBe(1_450_050)

    // The EU action's figures on its page include the expenses it paid.
    const detail = await app.ok('agreements.get', { id: action.id })
    expect(detail.figures.spent).toBe(450_050 + 152_449)
    expect(detail.figures.unallocated).toBe(10_000_000 - 450_050 - 152_449)
    const path = app.core.requireSession().file.path
    await app.core.closeFile()
    expect(await checkFile(path)).toEqual([])
  })

  it('refuses what an agreement does not allow, naming the field, and writes nothing', async () => {
    const { action, salaries } = await setUp()
    const attempt = async (input: Record<string, unknown>) => {
      const result = await app.call('budget.addExpense', {
        confirmed: true,
        lineKey: salaries.lineKey,
        spentOn: '2026-05-31',
        description: 'Salaires',
        amount: '1000',
        currency: 'EUR',
        ...input,
      } as never)
      if (result.ok) throw new Error('accepted')
      return result.error
    }
    expect((await attempt({ agreementId: action.id })).fields?.[0]?.path).toBe('headingCode')
    expect((await attempt({ agreementId: action.id, headingCode: '9' })).fields?.[0]?.path).toBe(
      'headingCode',
    )
    const over = await attempt({ agreementId: action.id, headingCode: '1', amount: '100000.01' })
    expect(over.fields?.[0]).toMatchObject({ path: 'amount' })
    expect(over.fields?.[0]?.message).toMatch(/100\s000,00\s€ de libre/)
    const untiedOver = await attempt({ amount: '200000.01' })
    expect(untiedOver.fields?.[0]?.path).toBe('amount')
    expect((await attempt({ spentOn: '2025-12-31' })).fields?.[0]?.path).toBe('lineKey')
    expect(await app.ok('budget.expenses', { year: 2026 })).toEqual([])
  })

  it('keeps an adopted version as it was, revises the latest, and copies a year', async () => {
    const { versionId, salaries } = await setUp()
    await app.ok('budget.adopt', { versionId, adoptedOn: '2025-12-10' })
    const revised = await app.ok('budget.revise', { versionId })
    expect(revised.version.number).toBe(1)
    const revisedSalaries = found(
      revised.items.find((i) => i.code === '1.1'),
      '1.1',
    )
    expect(revisedSalaries.lineKey).toBe(salaries.lineKey)
    const frozen = await app.call('budget.saveItem', {
      versionId,
      id: salaries.id,
      kind: 'line',
      code: '1.1',
      label: 'Salaires',
      direction: 'expense',
      nature: 'operating',
      planned: '1',
    })
    expect(frozen.ok).toBe(false)
    const changed = await app.ok('budget.saveItem', {
      versionId: revised.version.id,
      id: revisedSalaries.id,
      parentId: revisedSalaries.parentId,
      kind: 'line',
      code: '1.1',
      label: 'Salaires',
      direction: 'expense',
      nature: 'operating',
      planned: '130000',
    })
    expect(changed.items.find((i) => i.code === '1.1')?.figures.planned).toBe(13_000_000)
    const initial = await app.ok('budget.view', { versionId, asOf: null })
    expect(initial.items.find((i) => i.code === '1.1')?.figures.planned).toBe(12_000_000)
    expect(initial.version.editable).toBe(false)
    await app.ok('budget.setCurrent', { versionId: revised.version.id })
    const versions = await app.ok('budget.versions', {})
    expect(versions.filter((v) => v.isCurrent).map((v) => v.number)).toEqual([1])

    const next = await app.ok('budget.copyToYear', {
      fromVersionId: revised.version.id,
      year: 2027,
    })
    expect(next.version).toMatchObject({ year: 2027, number: 0 })
    expect(next.items.map((i) => i.code)).toEqual(changed.items.map((i) => i.code))
    expect(next.items.find((i) => i.code === '1.1')?.lineKey).not.toBe(salaries.lineKey)
    expect(next.totals.expense.planned).toBe(changed.totals.expense.planned)
    expect((await app.call('budget.create', { year: 2027 })).ok).toBe(false)
  })

  it('cancels an expense by reversing its ledger entry', async () => {
    const { versionId, salaries } = await setUp()
    const [expense] = await app.ok('budget.addExpense', {
      confirmed: true,
      lineKey: salaries.lineKey,
      spentOn: '2026-03-31',
      description: 'Salaires de mars',
      amount: '10000',
      currency: 'EUR',
    })
    await app.ok('budget.cancelExpense', {
      id: found(expense, 'expense').id,
      reason: 'Saisie en double',
    })
    const view = await app.ok('budget.view', { versionId, asOf: null })
    expect(view.totals.expense.spent).toBe(0)
    const entries = await app.core
      .requireSession()
      .file.db.selectFrom('ledger_entries')
      .select(['eur_minor'])
      .where('source_table', '=', 'budget_expenses')
      .execute()
    expect(entries.map((e) => e.eur_minor).sort()).toEqual([-1_000_000, 1_000_000])
  })
})
