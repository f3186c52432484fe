import { afterEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { checkFile } from '../../electron/main/check/file-check'
import type { AgreementInput } from '@shared/funds/schema'
import { startTestApp, type TestApp } from '../support/core'

let app: TestApp
afterEach(async () => app?.core.dispose())

async function setUp() {
  app = await startTestApp()
  const funder = await app.ok('funders.create', {
    name: 'Fondation Bill & Melinda Gates',
    kind: 'foundation',
    defaultCurrency: 'USD',
  })
  await app.ok('rates.add', {
    currency: 'USD',
    rateDate: '2021-01-01',
    rate: '1.2000',
    source: 'BCE',
  })
  await app.ok('rates.add', {
    currency: 'USD',
    rateDate: '2022-01-01',
    rate: '1.0000',
    source: 'BCE',
  })
  const agreement: AgreementInput = {
    funderId: funder.id,
    reference: 'BMGF-1',
    title: 'Services urbains',
    signedOn: '2021-01-15',
    startsOn: '2021-01-01',
    endsOn: '2022-12-31',
    currency: 'USD',
    amount: '100000',
    earmarking: 'programme',
    programmeCode: 'essential_services',
    nature: 'investment',
  }
  return { funder, agreement }
}

async function ledgerCount() {
  const db = app.core.requireSession().file.db
  return Number(
    (
      await db
        .selectFrom('ledger_entries')
        .select(db.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
}

describe('a USD agreement received at two rates', () => {
  it('keeps every figure exact, in dollars and in euros', async () => {
    const { agreement } = await setUp()
    const created = await app.ok('agreements.create', agreement)
    // 100,000 USD at 1.2 = 83,333.33 EUR (83,333.333… rounded half-up)
    expect(created.figures).toMatchObject({
      committed: 10_000_000,
      received: 0,
      expected: 10_000_000,
    })
    expect(created.figuresEur.committed).toBe(8_333_333)

    // 40,000 USD on 1 March 2021 at the rate of the day (1.2): 33,333.33 EUR
    await app.ok('receipts.add', {
      confirmed: true,
      agreementId: created.id,
      receivedOn: '2021-03-01',
      amount: '40000',
    })
    // 60,000 USD with the bank's rate 1.15: 52,173.91 EUR (52,173.913…)
    const after = await app.ok('receipts.add', {
      confirmed: true,
      agreementId: created.id,
      receivedOn: '2021-09-01',
      amount: '60000',
      rate: '1.15',
      bankReference: 'VIR-0921',
    })
    expect(after.figures).toMatchObject({
      committed: 10_000_000,
      received: 10_000_000,
      expected: 0,
      spent: 0,
      available: 10_000_000,
      unallocated: 10_000_000,
    })
    expect(after.figuresEur.received).toBe(3_333_333 + 5_217_391)
    expect(after.receipts.map((r) => [r.eurAmount, r.rate, r.rateSource])).toEqual([
      [3_333_333, '1.2000', 'BCE'],
      [5_217_391, '1.15', 'Taux du relevé bancaire'],
    ])

    // The dashboard reads the same ledger.
    const summary = await app.ok('funds.summary', { year: 2021 })
    expect(summary.byClass.tied).toMatchObject({
      committed: 8_333_333,
      received: 8_550_724,
      available: 8_550_724,
    })
    expect(summary.byClass.untied.received).toBe(0)
    expect(summary.byNature).toEqual({
      operating: { committed: 0, spent: 0 },
      investment: { committed: 8_333_333, spent: 0 },
    })
    expect(summary.untiedShareByYear).toEqual([
      { year: 2021, untied: 0, total: 8_550_724, share: 0 },
    ])
    const path = app.core.requireSession().file.path
    await app.core.closeFile()
    expect(await checkFile(path)).toEqual([])
  })

  it('an amendment changes the commitment from its date on; past figures stay', async () => {
    const { agreement } = await setUp()
    const created = await app.ok('agreements.create', agreement)
    const amended = await app.ok('agreements.addAmendment', {
      agreementId: created.id,
      signedOn: '2022-03-01',
      amountChange: '50000',
      newEndsOn: '2023-06-30',
      note: 'Extension',
    })
    expect(amended.figures.committed).toBe(15_000_000)
    expect(amended.figuresEur.committed).toBe(8_333_333 + 5_000_000)
    expect(amended.currentEndsOn).toBe('2023-06-30')
    const before = await app.ok('agreements.get', { id: created.id, asOf: '2021-12-31' })
    expect(before.figures.committed).toBe(10_000_000)
  })
})

describe('receipts', () => {
  it('an XOF receipt is converted at the fixed parity', async () => {
    app = await startTestApp()
    const funder = await app.ok('funders.create', {
      name: 'Cameroun',
      kind: 'state',
      defaultCurrency: 'XAF',
    })
    const created = await app.ok('agreements.create', {
      funderId: funder.id,
      reference: 'CM-2024',
      title: 'Subvention',
      startsOn: '2024-01-01',
      endsOn: '2024-12-31',
      currency: 'XOF',
      amount: '10000000',
      earmarking: 'untied',
      nature: 'operating',
    })
    const after = await app.ok('receipts.add', {
      confirmed: true,
      agreementId: created.id,
      receivedOn: '2024-05-02',
      amount: '10 000 000'.replace(/ /g, ''),
    })
    expect(after.receipts[0]).toMatchObject({
      amount: 10_000_000,
      eurAmount: 1_524_490,
      rate: '655.957',
      rateSource: 'Parité fixe',
    })
    const summary = await app.ok('funds.summary', {})
    expect(summary.byClass.untied).toMatchObject({
      committed: 1_524_490,
      received: 1_524_490,
      available: 1_524_490,
    })
  })

  it('over what remains due asks for confirmation, saying by how much', async () => {
    const { agreement } = await setUp()
    const created = await app.ok('agreements.create', agreement)
    await app.ok('receipts.add', {
      confirmed: true,
      agreementId: created.id,
      receivedOn: '2021-03-01',
      amount: '90000',
    })
    const before = await ledgerCount()
    const refused = await app.call('receipts.add', {
      agreementId: created.id,
      receivedOn: '2021-04-01',
      amount: '15000',
    })
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    // Not refused: the core asks to confirm, with the figures, and writes nothing.
    expect(refused.error.code).toBe('NEEDS_CONFIRMATION')
    expect(refused.error.warnings).toContainEqual({
      path: 'amount',
      message:
        'Ce versement dépasse le reste dû (10\u202f000,00\u00a0$US) de 5\u202f000,00\u00a0$US. Confirmez s’il est juste.',
    })
    expect(await ledgerCount()).toBe(before)
    const confirmed = await app.ok('receipts.add', {
      agreementId: created.id,
      receivedOn: '2021-04-01',
      amount: '15000',
      confirmed: true,
    })
    expect(confirmed.figures.expected).toBe(-500_000)
  })

  it('cancelling a receipt reverses its entry; the ledger itself is never edited', async () => {
    const { agreement } = await setUp()
    const created = await app.ok('agreements.create', agreement)
    const withReceipt = await app.ok('receipts.add', {
      confirmed: true,
      agreementId: created.id,
      receivedOn: '2021-03-01',
      amount: '40000',
    })
    const receiptId = withReceipt.receipts[0]?.id ?? ''
    // No reason, no reversal: refused on its field, the receipt still there.
    const refused = await app.call('receipts.cancel', { id: receiptId, reason: '  ' })
    expect(refused.ok || refused.error.fields?.[0]?.path).toBe('reason')
    expect((await app.ok('agreements.get', { id: created.id })).figures.received).toBe(4_000_000)
    const cancelled = await app.ok('receipts.cancel', {
      id: receiptId,
      reason: 'Saisi deux fois',
    })
    expect(cancelled.receipts).toEqual([])
    expect(cancelled.figures.received).toBe(0)
    const db = app.core.requireSession().file.db
    const entries = await db
      .selectFrom('ledger_entries')
      .select(['id', 'amount_minor', 'reverses_id', 'reason'])
      .where('source_id', '=', receiptId)
      .orderBy('created_at')
      .execute()
    expect(entries.map((e) => [e.amount_minor, e.reason])).toEqual([
      [4_000_000, null],
      [-4_000_000, 'Saisi deux fois'],
    ])
    // The change log holds the reason, with who reversed the receipt.
    const logged = await db
      .selectFrom('change_log')
      .select(['author', 'new_value'])
      .where('row_id', '=', entries[1]?.id ?? '')
      .executeTakeFirstOrThrow()
    expect(logged.author).toBe('Testeur')
    expect(JSON.parse(logged.new_value ?? '{}')).toMatchObject({ reason: 'Saisi deux fois' })
    await expect(sql`UPDATE ledger_entries SET amount_minor = 1`.execute(db)).rejects.toThrow(
      /never changed/,
    )
    await expect(sql`DELETE FROM ledger_entries`.execute(db)).rejects.toThrow(/never deleted/)
  })
})

describe('bad input is refused on its field and writes nothing', () => {
  it.each([
    [
      'dates out of order',
      { endsOn: '2020-12-31' },
      'endsOn',
      'La date de fin précède la date de début.',
    ],
    [
      'a date that does not exist',
      { startsOn: '2021-02-31' },
      'startsOn',
      'Date invalide (JJ/MM/AAAA).',
    ],
    ['a negative amount', { amount: '-5' }, 'amount', 'Le montant doit être supérieur à zéro.'],
    ['a zero amount', { amount: '0' }, 'amount', 'Le montant doit être supérieur à zéro.'],
    ['an unknown currency', { currency: 'ZZZ' }, 'currency', 'Devise inconnue.'],
    ['too many decimals', { amount: '10.123' }, 'amount', 'Trop de décimales pour la devise USD.'],
    [
      'a currency with no rate',
      { currency: 'CAD' },
      'currency',
      'Aucun taux de change pour CAD au 15/01/2021 ou avant : ajoutez-en un dans Paramètres → Taux de change, ou saisissez le taux appliqué.',
    ],
  ])('%s', async (_label, change, path, message) => {
    const { agreement } = await setUp()
    const before = await ledgerCount()
    const result = await app.call('agreements.create', {
      ...agreement,
      ...change,
    } as AgreementInput)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.fields).toContainEqual({ path, message })
    expect(await ledgerCount()).toBe(before)
    expect(await app.ok('agreements.list', { includeArchived: true })).toEqual([])
  })

  it('a rate of zero or not a number, and rates for EUR or XOF', async () => {
    app = await startTestApp()
    for (const [input, path] of [
      [{ currency: 'USD', rateDate: '2021-01-01', rate: '0', source: 'x' }, 'rate'],
      [{ currency: 'USD', rateDate: '2021-01-01', rate: 'abc', source: 'x' }, 'rate'],
      [{ currency: 'EUR', rateDate: '2021-01-01', rate: '1', source: 'x' }, 'currency'],
      [{ currency: 'XOF', rateDate: '2021-01-01', rate: '650', source: 'x' }, 'currency'],
    ] as const) {
      const result = await app.call('rates.add', input)
      expect(result.ok || result.error.fields?.[0]?.path).toBe(path)
    }
    expect((await app.ok('rates.list', {})).filter((r) => !r.fixed)).toEqual([])
  })

  it('a receipt on an archived agreement; archiving keeps the figures', async () => {
    const { agreement } = await setUp()
    const created = await app.ok('agreements.create', agreement)
    await app.ok('receipts.add', {
      confirmed: true,
      agreementId: created.id,
      receivedOn: '2021-03-01',
      amount: '40000',
    })
    const archived = await app.ok('agreements.archive', { id: created.id })
    expect(archived.figures.received).toBe(4_000_000)
    const result = await app.call('receipts.add', {
      confirmed: true,
      agreementId: created.id,
      receivedOn: '2021-04-01',
      amount: '1000',
    })
    expect(result.ok || result.error.fields).toEqual([
      { path: 'agreementId', message: 'Cette convention est archivée : désarchivez-la d’abord.' },
    ])
    expect((await app.ok('funds.summary', {})).byClass.tied.received).toBe(3_333_333)
  })
})

describe('the demo file', () => {
  it('tells the story of shrinking untied money and passes every invariant', async () => {
    app = await startTestApp({ openFile: false })
    await app.core.openDemo()
    const agreements = await app.ok('agreements.list', {})
    const gates = agreements.find((a) => a.reference === 'BMGF-SUCSS-2017')
    expect(gates).toMatchObject({
      currency: 'USD',
      figures: { committed: 475_000_000, received: 475_000_000 },
    })
    const eu = agreements.find((a) => a.reference === 'UE-ANE-2010-CI-BF')
    expect(eu).toMatchObject({
      currency: 'EUR',
      startsOn: '2010-01-01',
      endsOn: '2013-12-31',
      figures: { committed: 83_000_000 },
    })
    expect(agreements.find((a) => a.reference === 'UE-ANE-2009-CM-CG')?.figures.committed).toBe(
      50_000_000,
    )
    const path = app.core.requireSession().file.path
    await app.core.closeFile()
    expect(await checkFile(path)).toEqual([])
  })
})

describe('other untied income', () => {
  it('counts in untied income and the untied share; cancelling reverses it', async () => {
    app = await startTestApp()
    await app.ok('funds.addOtherIncome', {
      confirmed: true,
      receivedOn: '2025-03-31',
      label: 'Intérêts du livret',
      currency: 'EUR',
      amount: '1234.56',
    })
    const summary = await app.ok('funds.summary', { year: 2025 })
    // Received without a commitment: nothing was « still expected », so nothing goes negative.
    expect(summary.byClass.untied).toMatchObject({
      committed: 0,
      received: 123_456,
      expected: 0,
      available: 123_456,
    })
    expect(summary.untiedShareByYear).toEqual([
      { year: 2025, untied: 123_456, total: 123_456, share: 1 },
    ])
    const [row] = await app.ok('funds.otherIncome', {})
    expect(
      await app.ok('funds.cancelOtherIncome', { id: row?.id ?? '', reason: 'Intérêts de 2024' }),
    ).toEqual([])
    expect((await app.ok('funds.summary', { year: 2025 })).byClass.untied.received).toBe(0)
    const refused = await app.call('funds.addOtherIncome', {
      confirmed: true,
      receivedOn: '2025-03-31',
      label: 'Vente',
      currency: 'USD',
      amount: '10',
    })
    expect(refused.ok || refused.error.fields?.[0]?.path).toBe('currency')
  })
})
