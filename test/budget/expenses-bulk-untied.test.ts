import { afterEach, describe, expect, it } from 'vitest'
import { budgetExpenseInput } from '@shared/budget/schema'
import { today } from '@shared/validation/dates'
import { AppFailure } from '../../electron/main/failure'
import { untiedUnallocated } from '../../electron/main/funds/ledger'
import { startTestApp, type TestApp } from '../support/core'
import { found } from '../support/found'
import { franceAndEu } from '../support/funding'

let app: TestApp
afterEach(async () => app?.core.dispose())

const thisYear = Number(today().slice(0, 4))

/**
 * France's untied grant (200,000 € received, its money in the untied fund) and a line: an
 * expense paid by the grant lowers the untied fund as one of the fund's own would.
 */
async function untiedGrantWorld() {
  app = await startTestApp()
  const { france } = await franceAndEu(app)
  const grant = await app.ok('agreements.create', {
    funderId: france.id,
    reference: 'SUBV-FR',
    title: 'Subvention de fonctionnement',
    startsOn: `${thisYear - 1}-01-01`,
    endsOn: `${thisYear + 1}-12-31`,
    currency: 'EUR',
    amount: '200000',
    earmarking: 'untied',
    nature: 'operating',
  })
  await app.ok('receipts.add', {
    confirmed: true,
    agreementId: grant.id,
    receivedOn: today(),
    amount: '200000',
  })
  const created = await app.ok('budget.create', { year: thisYear })
  const view = await app.ok('budget.saveItem', {
    versionId: created.version.id,
    kind: 'line',
    code: '1.1',
    label: 'Salaires',
    direction: 'expense',
    nature: 'operating',
    planned: '300000',
  })
  const lineKey = found(view.items[0], 'line').lineKey
  const expense = (description: string, amount: string, agreementId: string | null) =>
    budgetExpenseInput.parse({
      lineKey,
      spentOn: today(),
      currency: 'EUR',
      description,
      amount,
      agreementId,
    })
  const session = app.core.requireSession()
  return { grant, expense, session }
}

describe('many expenses written in one action', () => {
  it('count an expense paid by an untied grant against the untied fund, as one by one', async () => {
    const { grant, expense, session } = await untiedGrantWorld()
    const free = await untiedUnallocated(session.file.db)
    expect(free).toBe(20_000_000)
    // 1 € from the fund, 150,000 € by the grant, then 50,000 € from the fund: 0.01 € too many.
    const over = [
      expense('Fournitures', '1', null),
      expense('Salaires payés par la subvention', '150000', grant.id),
      expense('Salaires du trimestre', '50000', null),
    ]
    const refused = await session.budgetExpenses.addMany(over, 'Test').then(
      () => null,
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(AppFailure)
    expect((refused as AppFailure).fields).toEqual([
      expect.objectContaining({ path: 'amount', key: 'errors.untiedOverSpent' }),
    ])
    expect(await untiedUnallocated(session.file.db)).toBe(free)
    // One by one, the same third expense is refused the same way.
    await session.budgetExpenses.add(over[0] ?? expense('', '0', null), 'Test')
    await session.budgetExpenses.add(over[1] ?? expense('', '0', null), 'Test')
    const alone = await session.budgetExpenses.add(over[2] ?? expense('', '0', null), 'Test').then(
      () => null,
      (error: unknown) => error,
    )
    expect((alone as AppFailure).fields).toEqual((refused as AppFailure).fields)
    // Exactly what is left is paid.
    await session.budgetExpenses.addMany([expense('Salaires du trimestre', '49999', null)], 'Test')
    expect(await untiedUnallocated(session.file.db)).toBe(0)
  })
})
