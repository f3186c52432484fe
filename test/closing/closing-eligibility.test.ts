import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { EU_ACTION_HEADINGS } from '../support/funding'
import { sharedSalary, type SharingWorld, sharingWorld } from '../budget/cost-sharing-setup'

let world: SharingWorld
afterEach(async () => world?.app.core.dispose())

describe('closing an agreement reads the eligibility of its spending (issue 27)', () => {
  it('spending on a heading the agreement no longer has, and of a nature it does not pay, is listed as ineligible with its reason, not counted as eligible', async () => {
    world = await sharingWorld()
    const { app, euId, lineKey } = world
    // 2,592.64 € on heading 1 (60 % of the salary): eligible.
    await sharedSalary(world)
    // 1,000.00 € of travel on heading 2, which the agreement's headings then lose.
    const travel = {
      confirmed: true,
      lineKey,
      agreementId: euId,
      currency: 'EUR',
    } as const
    await app.ok('budget.addExpense', {
      ...travel,
      spentOn: '2026-05-10',
      headingCode: '2',
      description: 'Mission à Dakar',
      amount: '1000',
    })
    // 250.00 € of equipment on heading 1, paid while the agreement read « mixed » — as a change
    // of its nature made on another copy leaves it (the form refuses it; the closing must not
    // count it once the agreement pays operating costs only).
    const db = app.core.requireSession().file.db
    const version = (await app.ok('budget.versions', {}))[0]?.id ?? ''
    const view = await app.ok('budget.saveItem', {
      versionId: version,
      kind: 'line',
      code: '2.1',
      label: 'Équipement',
      direction: 'expense',
      nature: 'investment',
      planned: '5000',
    })
    const equipment = view.items.find((i) => i.code === '2.1')?.lineKey ?? ''
    await sql`UPDATE agreements SET nature = 'mixed' WHERE id = ${euId}`.execute(db)
    await app.ok('budget.addExpense', {
      ...travel,
      lineKey: equipment,
      spentOn: '2026-06-02',
      headingCode: '1',
      description: 'Ordinateur portable',
      amount: '250',
    })
    await sql`UPDATE agreements SET nature = 'operating' WHERE id = ${euId}`.execute(db)
    await app.ok('agreements.saveHeadings', {
      agreementId: euId,
      headings: EU_ACTION_HEADINGS.filter((h) => h.code !== '2').map((h) =>
        h.code === '8' ? { ...h, amount: '4200' } : h,
      ),
    })

    const statement = await app.ok('closing.statement', { agreementId: euId })
    expect(statement.eligibleSpending).toBe(259_264)
    expect(statement.ineligibleSpending).toBe(100_000 + 25_000)
    expect(
      statement.ineligible.map((i) => [i.date, i.description, i.headingCode, i.amount, i.reason]),
    ).toEqual([
      ['2026-05-10', 'Mission à Dakar', '2', 100_000, 'headingUnknown'],
      ['2026-06-02', 'Ordinateur portable', '1', 25_000, 'natureNotAllowed'],
    ])
  })
})
