import type { TestApp } from '../support/core'
import { found } from '../support/found'

/**
 * A USD agreement of 100,000 USD; the AIMF spends euros. Bank rates: 1.10 USD/€ from 31
 * January, 1.08 from 1 March, 1.12 from 1 April 2026; InforEuro: 1.0950 for February and
 * 1.1150 for April. Receipts: 55,000 USD on 20 January (50,000.00 €) and 21,600 USD on 5 March
 * (20,000.00 €). Expenses charged to it: 11,000 € on 10 February (12,100.00 USD at the bank),
 * 40,000 € on 15 April (44,800.00) and 25,000 € on 20 April (28,000.00). Flagged EU / PRAG
 * (the +25 % and 70 % tests) if asked.
 */
export async function setUpUsdAgreement(app: TestApp, options: { euRules?: boolean } = {}) {
  for (const [rateDate, rate, series] of [
    ['2025-12-31', '1.10', 'bank'],
    ['2026-03-01', '1.08', 'bank'],
    ['2026-04-01', '1.12', 'bank'],
    ['2026-02-01', '1.0950', 'inforeuro'],
    ['2026-04-01', '1.1150', 'inforeuro'],
  ] as const)
    await app.ok('rates.add', { currency: 'USD', rateDate, rate, source: 'Test', series })
  const funder = await app.ok('funders.create', {
    name: 'Fondation américaine',
    kind: 'foundation',
    defaultCurrency: 'USD',
  })
  const agreement = await app.ok('agreements.create', {
    funderId: funder.id,
    reference: 'US-2026',
    title: 'Gouvernance locale',
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    currency: 'USD',
    amount: '100000',
    earmarking: 'programme',
    programmeCode: 'local_governance',
    nature: 'operating',
    euRules: options.euRules ?? false,
  })
  for (const [receivedOn, amount] of [
    ['2026-01-20', '55000'],
    ['2026-03-05', '21600'],
  ] as const)
    await app.ok('receipts.add', { confirmed: true, agreementId: agreement.id, receivedOn, amount })
  // One heading of 65,000 USD: the spending goes 30 % over it, beyond the EU's 25 %.
  await app.ok('agreements.saveHeadings', {
    agreementId: agreement.id,
    headings: [{ code: '1', label: 'Ressources humaines', role: 'direct', amount: '65000' }],
  })
  const budget = await app.ok('budget.create', { year: 2026 })
  const withLine = await app.ok('budget.saveItem', {
    versionId: budget.version.id,
    kind: 'line',
    code: 'G1',
    label: 'Gestion de l’action',
    direction: 'expense',
    nature: 'operating',
    planned: '100000',
  })
  const lineKey = found(withLine.items[0], 'line').lineKey
  for (const [spentOn, amount] of [
    ['2026-02-10', '11000'],
    ['2026-04-15', '40000'],
    ['2026-04-20', '25000'],
  ] as const)
    await app.ok('budget.addExpense', {
      confirmed: true,
      lineKey,
      spentOn,
      agreementId: agreement.id,
      headingCode: '1',
      description: `Dépense du ${spentOn}`,
      amount,
      currency: 'EUR',
    })
  return agreement
}
