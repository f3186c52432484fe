import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FUND_FIGURE_KEYS, type FundFigures } from '@shared/funds/fund-class'
import { startDemoApp, type TestApp } from '../support/core'

let app: TestApp
beforeAll(async () => {
  app = await startDemoApp()
})
afterAll(async () => app?.core.dispose())

describe("a funder's page (funders.account)", () => {
  it("lists each funder's agreements, with totals equal to the sums of their ledger figures", async () => {
    const funders = await app.ok('funders.list', {})
    expect(funders.length).toBeGreaterThan(3)
    let withMoney = 0
    for (const funder of funders) {
      const account = await app.ok('funders.account', { id: funder.id })
      expect(account.funder.id).toBe(funder.id)
      expect(account.agreements.every((a) => a.funderId === funder.id)).toBe(true)
      // Each agreement read on its own (the agreement page's path), then summed here.
      const sum: FundFigures = {
        committed: 0,
        received: 0,
        expected: 0,
        allocated: 0,
        spent: 0,
        available: 0,
        unallocated: 0,
      }
      for (const listed of account.agreements) {
        const detail = await app.ok('agreements.get', { id: listed.id })
        expect(listed.figuresEur).toEqual(detail.figuresEur)
        for (const k of FUND_FIGURE_KEYS) sum[k] += detail.figuresEur[k]
      }
      expect(account.totalsEur).toEqual(sum)
      if (account.totalsEur.received > 0) withMoney++
    }
    // The demo has funders that paid: the sums are not all zero.
    expect(withMoney).toBeGreaterThan(0)
  })

  it('leaves out archived agreements, and refuses an unknown funder', async () => {
    const funders = await app.ok('funders.list', {})
    const all = await app.ok('agreements.list', {})
    const funder = funders.find((f) => all.filter((a) => a.funderId === f.id).length > 1)
    if (!funder) throw new Error('the demo has a funder with two agreements')
    const before = await app.ok('funders.account', { id: funder.id })
    const archived = before.agreements[0]
    if (!archived) throw new Error('the funder has agreements')
    await app.ok('agreements.archive', { id: archived.id })
    const after = await app.ok('funders.account', { id: funder.id })
    expect(after.agreements.map((a) => a.id)).not.toContain(archived.id)
    expect(after.totalsEur.committed).toBe(
      before.totalsEur.committed - archived.figuresEur.committed,
    )
    await app.ok('agreements.restore', { id: archived.id })

    const unknown = await app.call('funders.account', {
      id: '00000000-0000-4000-8000-000000000000',
    })
    expect(unknown.ok).toBe(false)
    if (!unknown.ok) expect(unknown.error.code).toBe('NOT_FOUND')
    const malformed = await app.call('funders.account', { id: 'not an id' } as never)
    expect(malformed.ok).toBe(false)
  })
})
