import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RULE_ROLES } from '@shared/accounting/chart'
import { FUNDER_KINDS } from '@shared/funders/schema'
import type { ChannelName } from '@shared/contract/channels'
import { startTestApp, type TestApp } from '../support/core'
import { budgetLine, checkClosed } from './support'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp({ lifetime: 'file' })
  const funder = await app.ok('funders.create', {
    name: 'Organisation internationale de la Francophonie',
    acronym: 'OIF',
    kind: 'multilateral',
    defaultCurrency: 'EUR',
  })
  const agreement = await app.ok('agreements.create', {
    funderId: funder.id,
    reference: 'OIF-2024',
    title: 'Appui',
    signedOn: '2024-01-10',
    startsOn: '2024-01-01',
    endsOn: '2025-12-31',
    currency: 'EUR',
    amount: '80000',
    earmarking: 'untied',
    nature: 'operating',
  })
  for (const [day, amount] of [
    ['2024-03-01', '30000'],
    ['2024-09-01', '30000'],
    ['2025-03-01', '20000'],
  ] as const) {
    await app.ok('receipts.add', {
      confirmed: true,
      agreementId: agreement.id,
      receivedOn: day,
      amount,
    })
  }
  const line = await budgetLine(app, 2025, null)
  await app.ok('budget.addExpense', {
    confirmed: true,
    lineKey: line.lineKey,
    spentOn: '2025-05-05',
    description: 'Loyer',
    amount: '1200',
    currency: 'EUR',
  })
}, 60_000)
afterAll(async () => app.core.dispose())

const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null })
const accountNumber = fc.oneof(
  fc.constantFrom('6064', '613', '7411', '5129', '4411', '741', '628', '2183', '46861'),
  fc.stringMatching(/^[1-7]\d{2}[0-9A-Z]{0,4}$/),
  fc.constantFrom('', '8000', '012', 'abc', '12', ' 6064 ', '6'.repeat(13), '６０６'),
  fc.string({ maxLength: 14 }),
)
const journalCode = fc.oneof(
  fc.constantFrom('BQ9', 'OD', 'AN', 'BQ1', 'CA', 'J1'),
  fc.stringMatching(/^[A-Z0-9]{1,8}$/),
  fc.constantFrom('', 'b q', 'é', 'TOOLONGCODE'),
)
const monthEnd = fc
  .tuple(fc.integer({ min: 2019, max: 2030 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10))

/** A call of Paramètres → Comptabilité, right or wrong as a person could make it. */
const operation: fc.Arbitrary<[ChannelName, unknown]> = fc.oneof(
  fc
    .record({
      number: accountNumber,
      label: fc.oneof(fc.string({ maxLength: 130 }), fc.constant('Loyers')),
    })
    .map((input) => ['accounting.saveAccount', input] as [ChannelName, unknown]),
  accountNumber.map((number) => ['accounting.removeAccount', { number }] as [ChannelName, unknown]),
  fc
    .record({
      role: fc.oneof(fc.constantFrom(...RULE_ROLES), fc.constant('nothing')),
      fundClass: maybe(fc.constantFrom('tied', 'untied', 'both')),
      nature: maybe(fc.constantFrom('operating', 'investment')),
      funderKind: maybe(fc.oneof(fc.constantFrom(...FUNDER_KINDS), fc.constant('bank'))),
      budgetLine: maybe(fc.constantFrom('1.1', '9.9', '', 'x'.repeat(30))),
      account: accountNumber,
    })
    .map((input) => ['accounting.saveRule', input] as [ChannelName, unknown]),
  fc
    .record({
      label: fc.constantFrom('Banque Postale', '', 'Ecobank Dakar'),
      currency: fc.constantFrom('EUR', 'USD', 'XOF', 'EURO', ''),
      account: fc.oneof(fc.constantFrom('5129', '51210', '530', '6064', '512'), accountNumber),
      journalCode,
      journalLabel: fc.constantFrom('Banque', ''),
      isDefault: fc.oneof(fc.boolean(), fc.constant('oui')),
    })
    .map((input) => ['accounting.saveBank', input] as [ChannelName, unknown]),
  fc
    .record({
      siren: maybe(fc.constantFrom('784 671 695', '12345678', 'abcdefghi', '784671695')),
      generalJournalCode: journalCode,
      generalJournalLabel: fc.constantFrom('Opérations diverses', ''),
      openingJournalCode: journalCode,
      openingJournalLabel: fc.constantFrom('À-nouveaux', ''),
    })
    .map((input) => ['accounting.saveSettings', input] as [ChannelName, unknown]),
  fc
    .oneof(monthEnd, fc.constantFrom('2024-02-30', '2024-06-15', '31/12/2024', ''))
    .map((through) => ['accounting.close', { through }] as [ChannelName, unknown]),
)

async function lastChange(): Promise<number> {
  const db = app.core.requireSession().file.db
  const row = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst()
  return Number(row?.seq ?? 0)
}

describe('Paramètres → Comptabilité, fuzzed', () => {
  it('takes a right change and leaves the books checked; refuses a wrong one on its field, writing nothing', async () => {
    let accepted = 0
    let refused = 0
    await fc.assert(
      fc.asyncProperty(operation, async ([channel, input]) => {
        const before = await lastChange()
        const result = await app.call(channel as 'accounting.saveRule', input as never)
        if (result.ok) {
          accepted += 1
          return
        }
        refused += 1
        expect(await lastChange(), JSON.stringify(input)).toBe(before)
        expect(result.error.message).not.toMatch(/at .*\.ts|Error:/)
        // Located: a field of the input, or a refusal that names what it is about.
        if (result.error.code === 'VALIDATION' || result.error.fields?.length) {
          const fields = result.error.fields ?? []
          expect(fields.length, JSON.stringify(result.error)).toBeGreaterThan(0)
          for (const field of fields) {
            expect(Object.keys(input as object)).toContain(field.path.split('.')[0])
            expect(field.message.length).toBeGreaterThan(5)
          }
        } else {
          expect(['NOT_FOUND', 'CONFLICT']).toContain(result.error.code)
        }
      }),
      { numRuns: 400 },
    )
    expect(accepted).toBeGreaterThan(20)
    expect(refused).toBeGreaterThan(100)
    // After all that, the entries still derive from the ledger, balanced and numbered.
    const plan = await app.ok('accounting.plan', {})
    expect(plan.bankAccounts.filter((b) => b.isDefault && b.currency === 'EUR')).toHaveLength(1)
    expect(await checkClosed(app)).toEqual([])
  }, 180_000)
})
