import { sql } from 'kysely'
import { startTestApp, type TestApp } from '../support/core'
import { found } from '../support/found'
import { EU_ACTION_HEADINGS, franceAndEu, untiedGrant } from '../support/funding'

/**
 * A 2026 file for cost sharing: USD at 1.25 per euro; France's untied grant (200,000 €,
 * received); the EU action UE-GOUV-2026 (100,000 €, EU headings 1, 2, 8; 40,000 € received);
 * a USD action US-2026 (50,000 USD, no headings; 10,000 USD received); an EU investment action
 * UE-INV-2026 ending 30 June; and the budget line 1.1 « Salaires » (operating).
 */
export interface SharingWorld {
  app: TestApp
  untiedId: string
  euId: string
  usdId: string
  investmentId: string
  lineKey: string
}

export async function sharingWorld(options: { lifetime?: 'file' } = {}): Promise<SharingWorld> {
  const app = await startTestApp(options.lifetime ? { lifetime: options.lifetime } : {})
  await app.ok('rates.add', {
    currency: 'USD',
    rateDate: '2025-12-31',
    rate: '1.25',
    source: 'Test',
  })
  const { france, eu } = await franceAndEu(app)
  const untied = await untiedGrant(app, france.id, { endsOn: '2026-12-31', amount: '200000' })
  const agreement = async (fields: Record<string, string>) =>
    app.ok('agreements.create', {
      funderId: eu.id,
      title: `Action ${fields.reference ?? ''}`,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      currency: 'EUR',
      earmarking: 'programme',
      programmeCode: 'local_governance',
      nature: 'operating',
      ...fields,
    } as never)
  const action = await agreement({ reference: 'UE-GOUV-2026', amount: '100000' })
  await app.ok('agreements.saveHeadings', {
    agreementId: action.id,
    headings: [...EU_ACTION_HEADINGS],
  })
  const usd = await agreement({ reference: 'US-2026', amount: '50000', currency: 'USD' })
  const investment = await agreement({
    reference: 'UE-INV-2026',
    amount: '10000',
    nature: 'investment',
    endsOn: '2026-06-30',
  })
  for (const [agreementId, amount] of [
    [untied.id, '200000'],
    [action.id, '40000'],
    [usd.id, '10000'],
  ] as const) {
    await app.ok('receipts.add', { confirmed: true, agreementId, receivedOn: '2026-01-15', amount })
  }
  const created = await app.ok('budget.create', { year: 2026 })
  const view = await app.ok('budget.saveItem', {
    versionId: created.version.id,
    kind: 'line',
    code: '1.1',
    label: 'Salaires',
    direction: 'expense',
    nature: 'operating',
    planned: '120000',
  })
  return {
    app,
    untiedId: untied.id,
    euId: action.id,
    usdId: usd.id,
    investmentId: investment.id,
    lineKey: found(view.items[0], 'line').lineKey,
  }
}

/** What the ledger holds for an agreement: its net spending, in its currency and in euros. */
export async function ledgerSpending(
  app: TestApp,
  agreementId: string | null,
): Promise<{ native: number; eur: number }> {
  const db = app.core.requireSession().file.db
  const row = await sql<{ native: number | null; eur: number | null }>`
    SELECT SUM(amount_minor) AS native, SUM(eur_minor) AS eur FROM ledger_entries
    WHERE deleted_at IS NULL AND kind = 'expense' AND agreement_id IS ${agreementId}`.execute(db)
  return { native: Number(row.rows[0]?.native ?? 0), eur: Number(row.rows[0]?.eur ?? 0) }
}

/** March's 4,321.07 € salary shared 60 % on the EU action's heading 1, 40 % on the untied fund. */
export async function sharedSalary({ app, euId, lineKey }: SharingWorld) {
  return app.ok('budget.addExpense', {
    confirmed: true,
    lineKey,
    spentOn: '2026-03-31',
    agreementId: null,
    description: 'Salaire de mars — chargée de programme',
    amount: '4321.07',
    currency: 'EUR',
    shares: {
      mode: 'percent',
      rows: [
        { agreementId: euId, headingCode: '1', percent: '60' },
        { agreementId: null, percent: '40' },
      ],
    },
  })
}
