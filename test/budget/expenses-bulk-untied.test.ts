import { afterEach, describe, expect, it } from 'vitest'
import { budgetExpenseInput } from '@shared/budget/schema'
import { AppFailure } from '../../electron/main/failure'
import type { SharedExpenseContext } from '../../electron/main/budget/budget-expenses-service'
import { untiedUnallocated } from '../../electron/main/funds/ledger'
import type { TestApp } from '../support/core'
import { sharingWorld } from './cost-sharing-setup'

let app: TestApp
afterEach(async () => app?.core.dispose())

/** What a promise was refused with, or null. */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as AppFailure,
  )

/** An expense in euros on the world's line, paid by an agreement or (null) the untied fund. */
const expenseOn =
  (lineKey: string) => (description: string, minor: number, agreementId: string | null) =>
    budgetExpenseInput.parse({
      lineKey,
      spentOn: '2026-03-02',
      currency: 'EUR',
      description,
      amount: (minor / 100).toFixed(2),
      agreementId,
    })

describe('many expenses written in one action', () => {
  it('count an expense paid by an untied grant against the untied fund, as one by one', async () => {
    // France's untied grant (200,000 € received): its expenses are the untied fund's too.
    const world = await sharingWorld()
    app = world.app
    const session = app.core.requireSession()
    const expense = expenseOn(world.lineKey)
    const free = await untiedUnallocated(session.file.db)
    expect(free).toBeGreaterThan(15_000_100)
    // 1 € from the fund, 150,000 € by the grant, then what is left and 0.01 € more.
    const left = free - 100 - 15_000_000
    const over = [
      expense('Fournitures', 100, null),
      expense('Salaires payés par la subvention', 15_000_000, world.untiedId),
      expense('Salaires du trimestre', left + 1, null),
    ] as const
    const refused = await refusal(session.budgetExpenses.addMany(over, 'Test'))
    expect(refused).toBeInstanceOf(AppFailure)
    expect(refused?.fields).toEqual([
      expect.objectContaining({ path: 'amount', key: 'errors.untiedOverSpent' }),
    ])
    expect(await untiedUnallocated(session.file.db)).toBe(free)
    // One by one, the same third expense is refused the same way.
    await session.budgetExpenses.add(over[0], 'Test')
    await session.budgetExpenses.add(over[1], 'Test')
    const alone = await refusal(session.budgetExpenses.add(over[2], 'Test'))
    expect(alone?.fields).toEqual(refused?.fields)
    // Exactly what is left is paid.
    await session.budgetExpenses.addMany([expense('Salaires du trimestre', left, null)], 'Test')
    expect(await untiedUnallocated(session.file.db)).toBe(0)
  })

  it('count an untied grant’s expenses once across the actions of an import sharing their reading', async () => {
    // An import's actions share what they read (SharedExpenseContext): the grant's expense of
    // the first action, written at its end, is in the ledger the second action reads.
    const world = await sharingWorld()
    app = world.app
    const session = app.core.requireSession()
    const expense = expenseOn(world.lineKey)
    const free = await untiedUnallocated(session.file.db)
    const left = free - 15_000_000
    expect(left).toBeGreaterThan(0)
    const twoActions = (last: number) =>
      session.file.batch('Test', async () => {
        const shared: SharedExpenseContext = {}
        const grant = [expense('Salaires payés par la subvention', 15_000_000, world.untiedId)]
        await session.budgetExpenses.addMany(grant, 'Test', undefined, shared)
        await session.budgetExpenses.addMany(
          [expense('Salaires du trimestre', last, null)],
          'Test',
          undefined,
          shared,
        )
      })
    // 0.01 € more than is left: refused, nothing written.
    const over = await refusal(twoActions(left + 1))
    expect(over?.fields).toEqual([
      expect.objectContaining({ path: 'amount', key: 'errors.untiedOverSpent' }),
    ])
    expect(await untiedUnallocated(session.file.db)).toBe(free)
    // Exactly what is left: accepted (taking the grant's 150,000 € off twice refused it).
    await twoActions(left)
    expect(await untiedUnallocated(session.file.db)).toBe(0)
  })
})
