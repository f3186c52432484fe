import { afterEach, describe, expect, it } from 'vitest'
import type { BudgetView } from '@shared/budget/schema'
import type { FunderKind } from '@shared/funders/schema'
import { money } from '@shared/money/money'
import {
  beyondFlexibility,
  flexibilityLimit,
  headingFlexibilityWarnings,
  prefinancingThreshold,
  prefinancingWarnings,
} from '@shared/plausibility/eu-rules'
import { today } from '@shared/validation/dates'
import { startTestApp, type TestApp } from '../support/core'
import { found } from '../support/found'

let app: TestApp
afterEach(async () => app?.core.dispose())

const eur = (minor: number) => money(minor, 'EUR')
const thisYear = Number(today().slice(0, 4))
/** A message's warnings with plain spaces for the no-break ones that French amounts hold. */
const plain = (warnings: { path: string; message: string }[] | undefined) =>
  (warnings ?? []).map((w) => ({ ...w, message: w.message.replace(/[\u00a0\u202f]/g, ' ') }))

describe('the EU rules, on hand-made figures', () => {
  it('a heading at +30 % is flagged with its figures, at +20 % or exactly +25 % it is not', () => {
    const charge = (spent: number, amount: number) => ({
      code: '1',
      label: 'Ressources humaines',
      budget: eur(1_000_000),
      spent: eur(spent),
      amount: eur(amount),
    })
    // 10,000 € budget: 8,000 spent + 4,000 = 12,000 (+20 %).
    expect(headingFlexibilityWarnings('headingCode', charge(800_000, 400_000))).toEqual([])
    // Exactly 12,500 € (+25 %) is allowed; one cent more is not.
    expect(headingFlexibilityWarnings('headingCode', charge(800_000, 450_000))).toEqual([])
    expect(headingFlexibilityWarnings('headingCode', charge(800_000, 450_001))).toHaveLength(1)
    // 8,000 + 5,000 = 13,000 € (+30 %): 500 € beyond the 12,500 € allowed.
    expect(headingFlexibilityWarnings('headingCode', charge(800_000, 500_000))).toEqual([
      {
        path: 'headingCode',
        key: 'plausibility.headingFlexibility',
        params: {
          code: '1',
          label: 'Ressources humaines',
          budget: eur(1_000_000),
          limit: eur(1_250_000),
          total: eur(1_300_000),
          excess: eur(50_000),
        },
      },
    ])
    expect(flexibilityLimit(333)).toBe(416)
    expect(beyondFlexibility(416, 333)).toBe(false)
    expect(beyondFlexibility(417, 333)).toBe(true)
    expect(beyondFlexibility(10, 0)).toBe(false)
  })

  it('a further pre-financing needs all earlier payments and 70 % of the last spent', () => {
    expect(prefinancingThreshold([])).toBeNull()
    // 40,000 € paid: 28,000 € to spend. Then 40,000 + 30,000: 40,000 + 21,000 = 61,000 €.
    expect(prefinancingThreshold([4_000_000])).toEqual({ last: 4_000_000, threshold: 2_800_000 })
    expect(prefinancingThreshold([4_000_000, 3_000_000])).toEqual({
      last: 3_000_000,
      threshold: 6_100_000,
    })
    // 70 % of 0.05 € = 0.035 €, half-up 0.04 €.
    expect(prefinancingThreshold([5])?.threshold).toBe(4)
    const paid = [eur(4_000_000)]
    // Failed: 27,999.99 € spent, one cent short.
    expect(prefinancingWarnings('amount', paid, eur(2_799_999))).toEqual([
      {
        path: 'amount',
        key: 'plausibility.prefinancingEarly',
        params: {
          spent: eur(2_799_999),
          threshold: eur(2_800_000),
          last: eur(4_000_000),
          missing: eur(1),
        },
      },
    ])
    // Passed: 28,000 € spent.
    expect(prefinancingWarnings('amount', paid, eur(2_800_000))).toEqual([])
    expect(prefinancingWarnings('amount', [], eur(0))).toEqual([])
  })
})

/**
 * An agreement of `kind`'s funder over three years, flagged as following the EU's rules or not,
 * a heading 1 of 10,000 €, and its line.
 */
async function euAction(kind: FunderKind, euRules = true) {
  app = await startTestApp()
  const funder = await app.ok('funders.create', {
    name: kind === 'multilateral' ? 'Union européenne' : 'Ministère',
    kind,
    defaultCurrency: 'EUR',
  })
  const agreement = await app.ok('agreements.create', {
    funderId: funder.id,
    reference: 'UE-FLEX',
    title: 'Action de gouvernance locale',
    startsOn: `${thisYear - 1}-01-01`,
    endsOn: `${thisYear + 1}-12-31`,
    currency: 'EUR',
    amount: '100000',
    earmarking: 'programme',
    programmeCode: 'local_governance',
    nature: 'operating',
    euRules,
  })
  await app.ok('agreements.saveHeadings', {
    agreementId: agreement.id,
    headings: [
      { code: '1', label: 'Ressources humaines', role: 'direct', amount: '10000' },
      { code: '2', label: 'Voyages', role: 'direct', amount: '83000' },
      { code: '8', label: 'Coûts indirects', role: 'indirect', amount: '6510' },
    ],
  })
  const created = await app.ok('budget.create', { year: thisYear })
  const view = (await app.ok('budget.saveItem', {
    versionId: created.version.id,
    kind: 'line',
    code: '6.1',
    label: 'Action UE',
    direction: 'expense',
    nature: 'operating',
    planned: '100000',
    sources: [{ agreementId: agreement.id, amount: '100000' }],
  } as never)) as BudgetView
  const line = found(
    view.items.find((i) => i.code === '6.1'),
    'line',
  )
  const expense = (headingCode: string, amount: string, confirmed?: boolean) =>
    app.call('budget.addExpense', {
      lineKey: line.lineKey,
      spentOn: today(),
      agreementId: agreement.id,
      headingCode,
      description: 'Salaires',
      amount,
      currency: 'EUR',
      ...(confirmed ? { confirmed } : {}),
    })
  const receipt = (amount: string, confirmed?: boolean) =>
    app.call('receipts.add', {
      agreementId: agreement.id,
      receivedOn: today(),
      amount,
      ...(confirmed ? { confirmed } : {}),
    })
  return { agreement, expense, receipt }
}

async function entries(): Promise<number> {
  const db = app.core.requireSession().file.db
  const row = await db
    .selectFrom('ledger_entries')
    .select(db.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('the EU rules asked at entry', () => {
  it('an expense taking its heading to +30 % asks, with the figures; +20 % does not', async () => {
    const { expense, receipt } = await euAction('multilateral')
    expect((await receipt('100000')).ok).toBe(true)
    // 12,000 € on a 10,000 € heading (+20 %): recorded without a question.
    expect((await expense('1', '12000')).ok).toBe(true)
    // 1,000 € more: 13,000 € (+30 %), 500 € beyond the 12,500 € allowed.
    const before = await entries()
    const asked = await expense('1', '1000')
    expect(asked.ok).toBe(false)
    if (asked.ok) return
    expect(asked.error.code).toBe('NEEDS_CONFIRMATION')
    expect(plain(asked.error.warnings)).toEqual([
      {
        path: 'headingCode',
        message:
          'La rubrique 1 « Ressources humaines » atteindrait 13 000,00 € pour un budget de 10 000,00 € : plus de 25 % au-delà (au plus 12 500,00 € sans avenant), soit 500,00 € de trop.',
      },
    ])
    expect(await entries()).toBe(before)
    // Another heading with room takes the same amount without a question.
    expect((await expense('2', '1000')).ok).toBe(true)
    // Confirmed: recorded (a warning, not a refusal).
    expect((await expense('1', '1000', true)).ok).toBe(true)
    expect(await entries()).toBe(before + 2)
  })

  it('a further pre-financing before 70 % of the last is spent asks; once spent, it does not', async () => {
    const { expense, receipt } = await euAction('multilateral')
    // The first pre-financing: nothing to test.
    expect((await receipt('40000')).ok).toBe(true)
    expect((await expense('2', '27999.99')).ok).toBe(true)
    const before = await entries()
    const asked = await receipt('30000')
    expect(asked.ok).toBe(false)
    if (asked.ok) return
    expect(plain(asked.error.warnings)).toEqual([
      {
        path: 'amount',
        message:
          'Préfinancement suivant reçu avant la règle des 70 % : 27 999,99 € dépensés pour un seuil de 28 000,00 € (100 % des versements antérieurs et 70 % du dernier, 40 000,00 €) ; il manque 0,01 €.',
      },
    ])
    expect(await entries()).toBe(before)
    // One cent more spent: 28,000 € = 70 % of 40,000 €, the test passed.
    expect((await expense('2', '0.01')).ok).toBe(true)
    expect((await receipt('30000')).ok).toBe(true)
  })

  it('the flag, not the funder, says whether the EU rules apply', async () => {
    // A multilateral funder's agreement not flagged: neither the 70 % nor the +25 % question.
    const unflagged = await euAction('multilateral', false)
    expect((await unflagged.receipt('40000')).ok).toBe(true)
    expect((await unflagged.receipt('30000')).ok).toBe(true)
    expect((await unflagged.expense('1', '13000')).ok).toBe(true)
    await app.core.dispose()
    // A state's agreement flagged EU / PRAG (a delegated EU grant): both asked.
    const flagged = await euAction('state', true)
    expect((await flagged.receipt('40000')).ok).toBe(true)
    const early = await flagged.receipt('30000')
    expect(early.ok || early.error.code).toBe('NEEDS_CONFIRMATION')
    const over = await flagged.expense('1', '13000')
    expect(over.ok || over.error.warnings?.map((w) => w.path)).toEqual(['headingCode'])
  })
})
