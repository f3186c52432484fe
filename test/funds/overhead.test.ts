import { afterEach, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { found } from '../support/found'
import { type OverheadWorld, agreementWith, overheadWorld, spend } from './overhead-setup'

let world: OverheadWorld
afterEach(async () => world?.app.core.dispose())

const untiedAvailable = async () =>
  (await world.app.ok('funds.summary', {})).byClass.untied.available

async function ledgerOf(sourceId: string) {
  const db = world.app.core.requireSession().file.db
  return db
    .selectFrom('ledger_entries')
    .select(['kind', 'fund_class', 'agreement_id', 'amount_minor', 'currency', 'eur_minor'])
    .select(['heading_code', 'reverses_id', 'entry_date'])
    .where('source_id', '=', sourceId)
    .orderBy('kind')
    .execute()
}

const checkPasses = async () => {
  const path = found(world.app.core.fileInfo()?.path, 'path')
  await world.app.core.closeFile()
  const problems = await checkFile(path)
  await world.app.core.openFile(path)
  return problems
}

describe('overhead recovery computed by hand', () => {
  it('7 % of 20,345.67 € is 1,424.20 €, moved once from the agreement to the untied fund', async () => {
    world = await overheadWorld()
    const id = await agreementWith(world, 'UE-A', {})
    await spend(world, id, '12345.67')
    await spend(world, id, '8000')
    const before = await world.app.ok('agreements.overhead', { id })
    expect(before).toMatchObject({
      rateBp: 700,
      directCosts: 2_034_567,
      allowed: 142_420,
      posted: 0,
      toPost: 142_420,
    })
    const untiedBefore = await untiedAvailable()
    const after = await world.app.ok('agreements.postOverhead', {
      agreementId: id,
      postedOn: '2026-06-30',
    })
    expect(after).toMatchObject({ allowed: 142_420, posted: 142_420, toPost: 0 })
    expect(await untiedAvailable()).toBe(untiedBefore + 142_420)
    const posting = found(after.postings[0], 'posting')
    expect(posting).toMatchObject({ base: 2_034_567, amount: 142_420, eurAmount: 142_420 })
    expect(await ledgerOf(posting.id)).toEqual([
      {
        kind: 'expense',
        fund_class: 'tied',
        agreement_id: id,
        amount_minor: 142_420,
        currency: 'EUR',
        eur_minor: 142_420,
        heading_code: null,
        reverses_id: null,
        entry_date: '2026-06-30',
      },
      {
        kind: 'other_income',
        fund_class: 'untied',
        agreement_id: null,
        amount_minor: 142_420,
        currency: 'EUR',
        eur_minor: 142_420,
        heading_code: null,
        reverses_id: null,
        entry_date: '2026-06-30',
      },
    ])
    // The agreement spent its direct costs and the overhead: 100,000 − 21,769.87.
    const agreement = await world.app.ok('agreements.get', { id })
    expect(agreement.figures.spent).toBe(2_176_987)
    expect(agreement.figures.available).toBe(10_000_000 - 2_176_987)
    // The donor report: the indirect-costs line, apart from the direct spending, in the total.
    const report = await world.app.ok('reports.preview', {
      kind: 'donor',
      agreementId: id,
      from: '2026-01-01',
      to: '2026-12-31',
    })
    const rows = found(report.sheets[0]?.tables[0], 'headings').rows
    const line = (label: string) => {
      const cells = found(
        rows.find((r) => r.cells[1]?.kind === 'text' && r.cells[1].text === label),
        label,
      ).cells
      const cell = cells[4]
      return cell?.kind === 'money' ? cell.minor : null
    }
    expect(line('Frais indirects récupérés par les fonds déliés')).toBe(142_420)
    expect(line('Total')).toBe(2_176_987)
    // Posting again moves nothing: refused, naming the agreement.
    const again = await world.app.call('agreements.postOverhead', {
      agreementId: id,
      postedOn: '2026-07-01',
    })
    expect(again.ok).toBe(false)
    if (!again.ok) expect(again.error.fields?.[0]?.path).toBe('agreementId')
    expect(await checkPasses()).toEqual([])
  })

  it('more spending adds a posting; a cancelled expense cancels postings and posts anew', async () => {
    world = await overheadWorld()
    const id = await agreementWith(world, 'UE-B', {})
    const big = await spend(world, id, '12345.67')
    await spend(world, id, '8000')
    await world.app.ok('agreements.postOverhead', { agreementId: id, postedOn: '2026-06-30' })
    await spend(world, id, '1000', '2026-07-15')
    // 7 % of 21,345.67 = 1,494.1969 → 1,494.20: 70.00 more.
    const more = await world.app.ok('agreements.postOverhead', {
      agreementId: id,
      postedOn: '2026-07-31',
    })
    expect(more.postings.map((p) => p.amount)).toEqual([142_420, 7_000])
    expect(more.posted).toBe(149_420)
    await world.app.ok('budget.cancelExpense', { id: big, reason: 'Facture en double' })
    // 7 % of 9,000.00 = 630.00: 864.20 recovered too much, named by the check.
    const over = await world.app.ok('agreements.overhead', { id })
    expect(over).toMatchObject({ directCosts: 900_000, allowed: 63_000, toPost: -86_420 })
    expect((await checkPasses()).map((p) => p.key)).toEqual(['check.overheadOverCap'])
    const untiedBefore = await untiedAvailable()
    const fixed = await world.app.ok('agreements.postOverhead', {
      agreementId: id,
      postedOn: '2026-08-31',
    })
    // Both postings cancelled whole (newest first), one new posting of 630.00.
    expect(fixed.postings.map((p) => [p.postedOn, p.amount, p.cancelReason !== null])).toEqual([
      ['2026-06-30', 142_420, true],
      ['2026-07-31', 7_000, true],
      ['2026-08-31', 63_000, false],
    ])
    expect(fixed).toMatchObject({ posted: 63_000, toPost: 0 })
    expect(await untiedAvailable()).toBe(untiedBefore - 86_420)
    const first = found(fixed.postings[0], 'first')
    const reversed = await ledgerOf(first.id)
    expect(reversed.map((e) => [e.kind, e.amount_minor])).toEqual([
      ['expense', 142_420],
      ['expense', -142_420],
      ['other_income', 142_420],
      ['other_income', -142_420],
    ])
    expect(await checkPasses()).toEqual([])
  })

  it('capped at what the agreement has available: 10 % of 9,500 € is 950 €, 500 € are left', async () => {
    world = await overheadWorld()
    const id = await agreementWith(world, 'UE-C', { amount: '10000', rate: '10' })
    await spend(world, id, '9500')
    const position = await world.app.ok('agreements.overhead', { id })
    expect(position).toMatchObject({ allowed: 95_000, available: 50_000, toPost: 50_000 })
    const after = await world.app.ok('agreements.postOverhead', {
      agreementId: id,
      postedOn: '2026-06-30',
    })
    expect(after).toMatchObject({ posted: 50_000, available: 0, toPost: 0 })
    expect(await checkPasses()).toEqual([])
  })

  it('a USD agreement: 7.5 % of 1,250.00 USD is 93.75 USD, 75.00 € at the spending’s rate', async () => {
    world = await overheadWorld()
    const id = await agreementWith(world, 'US-D', {
      currency: 'USD',
      amount: '50000',
      rate: '7.5',
    })
    await spend(world, id, '1000')
    const after = await world.app.ok('agreements.postOverhead', {
      agreementId: id,
      postedOn: '2026-06-30',
    })
    const posting = found(after.postings[0], 'posting')
    expect([posting.base, posting.amount, posting.eurAmount]).toEqual([125_000, 9_375, 7_500])
    expect((await ledgerOf(posting.id)).map((e) => [e.kind, e.amount_minor, e.currency])).toEqual([
      ['expense', 9_375, 'USD'],
      ['other_income', 7_500, 'EUR'],
    ])
    expect(await checkPasses()).toEqual([])
  })

  it('EU headings: the 7 % default, indirect spending left out of the base, charged to heading 8', async () => {
    world = await overheadWorld()
    const id = await agreementWith(world, 'UE-E', { rate: null })
    await world.app.ok('agreements.saveHeadings', {
      agreementId: id,
      headings: [
        { code: '1', label: 'Ressources humaines', role: 'direct', amount: '90000' },
        { code: '8', label: 'Coûts indirects', role: 'indirect', amount: '6300' },
      ],
    })
    await spend(world, id, '5000', '2026-03-10', '1')
    await spend(world, id, '300', '2026-03-11', '8')
    const after = await world.app.ok('agreements.postOverhead', {
      agreementId: id,
      postedOn: '2026-06-30',
    })
    expect(after).toMatchObject({ rateBp: 700, directCosts: 500_000, posted: 35_000 })
    const posting = found(after.postings[0], 'posting')
    expect((await ledgerOf(posting.id))[0]?.heading_code).toBe('8')
    expect(await checkPasses()).toEqual([])
  })

  it('refused, naming the field: an untied agreement, no rate, a date before the last posting', async () => {
    world = await overheadWorld()
    const untied = await world.app.ok('agreements.create', {
      funderId: world.funderId,
      reference: 'FR-DELIE',
      title: 'Contribution',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      currency: 'EUR',
      amount: '1000',
      earmarking: 'untied',
      nature: 'operating',
      indirectCostMaxPercent: '7',
    })
    const noRate = await agreementWith(world, 'SANS-TAUX', { rate: null })
    await spend(world, noRate, '100')
    const withRate = await agreementWith(world, 'UE-F', {})
    await spend(world, withRate, '100')
    await world.app.ok('agreements.postOverhead', { agreementId: withRate, postedOn: '2026-06-30' })
    await spend(world, withRate, '100')
    for (const [input, field] of [
      [{ agreementId: untied.id, postedOn: '2026-06-30' }, 'agreementId'],
      [{ agreementId: noRate, postedOn: '2026-06-30' }, 'agreementId'],
      [{ agreementId: withRate, postedOn: '2026-05-31' }, 'postedOn'],
      [{ agreementId: withRate, postedOn: '2025-12-31' }, 'postedOn'],
    ] as const) {
      const result = await world.app.call('agreements.postOverhead', input)
      expect(result.ok, JSON.stringify(input)).toBe(false)
      if (!result.ok) {
        expect(result.error.fields?.[0]?.path).toBe(field)
        expect(result.error.message).not.toMatch(/\{\{|undefined/)
      }
    }
    expect(await checkPasses()).toEqual([])
  })
})
