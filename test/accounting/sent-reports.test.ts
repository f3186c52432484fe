import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/core'
import { found } from '../support/found'
import { checkClosed } from './support'

let app: TestApp
afterEach(async () => app?.core.dispose())

async function twoAgreements() {
  app = await startTestApp()
  const funder = await app.ok('funders.create', {
    name: 'Fondation pour les villes',
    kind: 'foundation',
    defaultCurrency: 'EUR',
  })
  const make = (reference: string) =>
    app.ok('agreements.create', {
      funderId: funder.id,
      reference,
      title: reference,
      signedOn: '2025-01-10',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      currency: 'EUR',
      amount: '50000',
      earmarking: 'programme',
      programmeCode: 'essential_services',
      nature: 'operating',
    })
  const water = await make('EAU-2025')
  const waste = await make('DECHETS-2025')
  await app.ok('receipts.add', {
    confirmed: true,
    agreementId: water.id,
    receivedOn: '2025-02-01',
    amount: '20000',
  })
  await app.ok('receipts.add', {
    confirmed: true,
    agreementId: waste.id,
    receivedOn: '2025-02-01',
    amount: '10000',
  })
  return { water, waste }
}

describe('reports sent to a funder', () => {
  it('are archived with their figures, and the agreement page says when those figures changed', async () => {
    const { water, waste } = await twoAgreements()
    const donor = await app.ok('accounting.markSent', {
      request: {
        kind: 'donor',
        agreementId: water.id,
        from: '2025-01-01',
        to: '2025-06-30',
        language: 'fr',
      },
      sentOn: '2025-07-15',
      recipient: 'Fondation pour les villes',
      format: 'pdf',
    })
    expect(donor).toMatchObject({ kind: 'donor', agreementReference: 'EAU-2025', changed: false })
    expect(donor.digest).toMatch(/^[0-9a-f]{64}$/)
    const fund = await app.ok('accounting.markSent', {
      request: { kind: 'fund', to: '2025-06-30' },
      sentOn: '2025-07-15',
    })
    expect(fund.changed).toBe(false)
    expect(
      (await app.ok('accounting.sentReports', { agreementId: water.id })).map((r) => r.kind),
    ).toEqual(['fund', 'donor'])

    // A receipt of the other agreement in the period: the fund position changed for it only.
    await app.ok('receipts.add', {
      confirmed: true,
      agreementId: waste.id,
      receivedOn: '2025-03-01',
      amount: '5000',
    })
    let onWater = await app.ok('accounting.sentReports', { agreementId: water.id })
    expect(onWater.map((r) => r.changed)).toEqual([false, false])
    const onWaste = await app.ok('accounting.sentReports', { agreementId: waste.id })
    expect(onWaste).toMatchObject([{ kind: 'fund', changed: true, changedRows: ['DECHETS-2025'] }])

    // A receipt of this agreement dated in the period reported: both reports changed.
    await app.ok('receipts.add', {
      confirmed: true,
      agreementId: water.id,
      receivedOn: '2025-04-01',
      amount: '5000',
    })
    onWater = await app.ok('accounting.sentReports', { agreementId: water.id })
    expect(onWater.map((r) => [r.kind, r.changed])).toEqual([
      ['fund', true],
      ['donor', true],
    ])
    expect(found(onWater[1], 'donor').currentDigest).not.toBe(donor.digest)
    // After the period: nothing reported changes.
    const all = await app.ok('accounting.sentReports', {})
    expect(all).toHaveLength(2)
    expect(await checkClosed(app)).toEqual([])
  })

  it('are only the donor report, the fund position and the dedicated funds', async () => {
    await twoAgreements()
    const result = await app.call('accounting.markSent', {
      request: { kind: 'dues', year: 2025 },
      sentOn: '2025-07-15',
    })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.fields?.[0]?.path).toBe('request.kind')
    expect(await app.ok('accounting.sentReports', {})).toEqual([])
    const dedicated = await app.ok('accounting.markSent', {
      request: { kind: 'dedicated-funds', year: 2025 },
      sentOn: '2026-03-01',
    })
    expect(dedicated.title).toBe('Fonds dédiés 2025')
  })
})
