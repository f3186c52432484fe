import { startTestApp, type TestApp } from '../support/core'
import { found } from '../support/found'

/** A file with a funder, a 2026 budget line and rates: what overhead tests build on. */
export interface OverheadWorld {
  app: TestApp
  funderId: string
  lineKey: string
}

export async function overheadWorld(options: { lifetime?: 'file' } = {}): Promise<OverheadWorld> {
  const app = await startTestApp(options.lifetime ? { lifetime: options.lifetime } : {})
  await app.ok('rates.add', {
    currency: 'USD',
    rateDate: '2025-12-31',
    rate: '1.25',
    source: 'Test',
  })
  const funder = await app.ok('funders.create', {
    name: 'Union européenne',
    kind: 'multilateral',
    defaultCurrency: 'EUR',
  })
  const budget = await app.ok('budget.create', { year: 2026 })
  const withLine = await app.ok('budget.saveItem', {
    versionId: budget.version.id,
    kind: 'line',
    code: 'G1',
    label: 'Gestion des actions',
    direction: 'expense',
    nature: 'operating',
    planned: '10000000',
  })
  return { app, funderId: funder.id, lineKey: found(withLine.items[0], 'line').lineKey }
}

/** A tied agreement with its rate, received in full on its first day. */
export async function agreementWith(
  world: OverheadWorld,
  reference: string,
  options: { currency?: string; amount?: string; rate?: string | null; received?: string },
): Promise<string> {
  const agreement = await world.app.ok('agreements.create', {
    funderId: world.funderId,
    reference,
    title: `Action ${reference}`,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    currency: options.currency ?? 'EUR',
    amount: options.amount ?? '100000',
    earmarking: 'programme',
    programmeCode: 'local_governance',
    nature: 'operating',
    indirectCostMaxPercent: options.rate === undefined ? '7' : options.rate,
  })
  await world.app.ok('receipts.add', {
    confirmed: true,
    agreementId: agreement.id,
    receivedOn: '2026-01-02',
    amount: options.received ?? options.amount ?? '100000',
  })
  return agreement.id
}

/** An expense of the secretariat charged to an agreement; returns its id. */
export async function spend(
  world: OverheadWorld,
  agreementId: string,
  amount: string,
  spentOn = '2026-03-10',
  headingCode?: string,
): Promise<string> {
  const year = Number(spentOn.slice(0, 4))
  const before = new Set((await world.app.ok('budget.expenses', { year })).map((x) => x.id))
  const expenses = await world.app.ok('budget.addExpense', {
    confirmed: true,
    lineKey: world.lineKey,
    spentOn,
    agreementId,
    ...(headingCode ? { headingCode } : {}),
    description: `Dépense de ${amount} €`,
    amount,
    currency: 'EUR',
  })
  return found(
    expenses.find((x) => !before.has(x.id)),
    'expense',
  ).id
}
