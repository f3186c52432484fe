import type { BudgetView } from '@shared/budget/schema'
import type { TestApp } from '../support/core'
import { found } from '../support/found'

/** A funder, and what each agreement of a closing test needs: itself and a budget line. */
export async function closingSetUp(app: TestApp) {
  const funder = await app.ok('funders.create', {
    name: 'Union européenne',
    kind: 'multilateral',
    defaultCurrency: 'EUR',
  })
  const created = await app.ok('budget.create', { year: 2026 })
  const versionId = created.version.id
  let count = 0
  /** An EU action (1 Jan – 30 Sep 2026) and the budget line that spends it. */
  async function agreement(amount: string, cofinancingPercent: string | null) {
    count += 1
    const made = await app.ok('agreements.create', {
      funderId: funder.id,
      reference: `UE-CLOS-${count}`,
      title: 'Action de gouvernance locale',
      startsOn: '2026-01-01',
      endsOn: '2026-09-30',
      currency: 'EUR',
      amount,
      earmarking: 'programme',
      programmeCode: 'local_governance',
      nature: 'operating',
      cofinancingPercent,
    })
    const view = (await app.ok('budget.saveItem', {
      versionId,
      kind: 'line',
      code: `6.${count}`,
      label: `Action ${count}`,
      direction: 'expense',
      nature: 'operating',
      planned: amount,
      sources: [{ agreementId: made.id, amount }],
    } as never)) as BudgetView
    const line = found(
      view.items.find((i) => i.code === `6.${count}`),
      'line',
    )
    /** An expense of the action: a workshop, or what `more` says (its heading, its object). */
    const expense = (
      spentOn: string,
      value: string,
      more: { headingCode?: string; description?: string } = {},
    ) =>
      app.call('budget.addExpense', {
        confirmed: true,
        lineKey: line.lineKey,
        spentOn,
        agreementId: made.id,
        description: 'Atelier',
        amount: value,
        currency: 'EUR',
        ...more,
      })
    const receipt = (receivedOn: string, value: string) =>
      app.call('receipts.add', {
        confirmed: true,
        agreementId: made.id,
        receivedOn,
        amount: value,
      })
    return { id: made.id, reference: made.reference, expense, receipt }
  }
  return { agreement }
}
