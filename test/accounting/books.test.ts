import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/core'
import { found } from '../support/found'
import {
  budgetLine,
  booksOf,
  checkClosed,
  entryOf,
  expectBalanced,
  ledgerIdOf,
  linesOf,
} from './support'

let app: TestApp
afterEach(async () => app?.core.dispose())

/** A French ministry's USD grant of 100,000 $, notified on 10 January 2025 at 1.10 $ per €. */
async function usdGrant() {
  app = await startTestApp()
  const funder = await app.ok('funders.create', {
    name: 'Ministère de l’Europe et des Affaires étrangères',
    acronym: 'MEAE',
    kind: 'state',
    defaultCurrency: 'USD',
  })
  await app.ok('rates.add', {
    currency: 'USD',
    rateDate: '2025-01-01',
    rate: '1.10',
    source: 'BCE',
  })
  const agreement = await app.ok('agreements.create', {
    funderId: funder.id,
    reference: 'MEAE-USD-2025',
    title: 'Services urbains',
    signedOn: '2025-01-10',
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    currency: 'USD',
    amount: '100000',
    earmarking: 'programme',
    programmeCode: 'essential_services',
    nature: 'operating',
  })
  return { funder, agreement }
}

describe('entries derived from the ledger, computed by hand', () => {
  it('books a USD receipt at the bank’s rate, the difference with the day’s rate on its own line', async () => {
    const { agreement } = await usdGrant()
    // 50,000 $ credited by the bank at 1.0850 $ per € = 46,082.95 €; the receivable was booked
    // at 1.10: half of 90,909.09 € = 45,454.55 €; the bank gave 628.40 € more (exchange gain).
    let detail = await app.ok('receipts.add', {
      confirmed: true,
      agreementId: agreement.id,
      receivedOn: '2025-03-01',
      amount: '50000',
      rate: '1.0850',
      bankReference: 'VIR-MEAE-1',
    })
    const first = found(detail.receipts[0], 'receipt')
    // The second half at the day's rate, 1.10: 45,454.55 €; it clears the rest of the
    // receivable, 45,454.54 €, so that it ends at exactly zero in euros too.
    detail = await app.ok('receipts.add', {
      confirmed: true,
      agreementId: agreement.id,
      receivedOn: '2025-06-01',
      amount: '50000',
    })
    const second = found(
      detail.receipts.find((r) => r.id !== first.id),
      'second receipt',
    )
    const books = await booksOf(app, 2025)
    expectBalanced(books.entries)
    const commitment = entryOf(books.entries, await ledgerIdOf(app, 'agreements', agreement.id))
    expect(commitment.journal.code).toBe('OD')
    expect(linesOf(commitment)).toEqual([
      ['4411', 9_090_909, 0, '10000000 USD'],
      ['741', 0, 9_090_909, '10000000 USD'],
    ])
    expect(commitment.lines[0]?.auxiliary?.code).toBe('FMEAE')
    const bankEntry = entryOf(books.entries, await ledgerIdOf(app, 'receipts', first.id))
    expect(bankEntry.journal.code).toBe('BQ2')
    expect(bankEntry.pieceRef).toBe('VIR-MEAE-1')
    expect(linesOf(bankEntry)).toEqual([
      ['5122', 4_608_295, 0, '5000000 USD'],
      ['4411', 0, 4_545_455, '5000000 USD'],
      ['766', 0, 62_840, null],
    ])
    const last = entryOf(books.entries, await ledgerIdOf(app, 'receipts', second.id))
    expect(linesOf(last)).toEqual([
      ['5122', 4_545_455, 0, '5000000 USD'],
      ['4411', 0, 4_545_454, '5000000 USD'],
      ['766', 0, 1, null],
    ])
    const receivable = books.entries
      .flatMap((e) => e.lines)
      .filter((l) => l.account === '4411')
      .reduce((sum, l) => sum + l.debit - l.credit, 0)
    expect(receivable).toBe(0)
    expect(await checkClosed(app)).toEqual([])
  })

  it('reverses a cancelled receipt with the mirror entry', async () => {
    const { agreement } = await usdGrant()
    const detail = await app.ok('receipts.add', {
      confirmed: true,
      agreementId: agreement.id,
      receivedOn: '2025-03-01',
      amount: '50000',
      rate: '1.0850',
    })
    const receipt = found(detail.receipts[0], 'receipt')
    await app.ok('receipts.cancel', { id: receipt.id, reason: 'Saisi par erreur' })
    const books = await booksOf(app, 2025)
    const original = entryOf(books.entries, await ledgerIdOf(app, 'receipts', receipt.id))
    const reversal = entryOf(
      books.entries,
      await ledgerIdOf(app, 'receipts', receipt.id, { reversal: true }),
    )
    expect(reversal.date).toBe('2025-03-01')
    expect(reversal.label).toMatch(/^Annulation : Versement MEAE-USD-2025/)
    expect(linesOf(reversal)).toEqual(
      linesOf(original).map(([account, debit, credit, native]) => [account, credit, debit, native]),
    )
    expect(reversal.number).toBe(original.number + 1)
    expectBalanced(books.entries)
    expect(await checkClosed(app)).toEqual([])
  })

  it('books dues paid in francs CFA at the fixed parity, with the amount in XOF', async () => {
    app = await startTestApp()
    const dakar = await app.ok('members.create', {
      kind: 'city',
      name: 'Ville de Dakar',
      country: 'SN',
      population: 1_200_000,
      status: 'active',
    })
    const payment = await app.ok('dues.addPayment', {
      confirmed: true,
      memberId: dakar.id,
      kind: 'voluntary',
      receivedOn: '2025-04-15',
      amount: '655957',
      currency: 'XOF',
      method: 'transfer',
      bankReference: 'VIR-DKR-2025',
    })
    const books = await booksOf(app, 2025)
    const entry = entryOf(books.entries, await ledgerIdOf(app, 'dues_payments', payment.id))
    expect(entry.journal).toEqual({ code: 'BQ5', label: 'Banque XOF' })
    expect(entry.pieceRef).toBe('VIR-DKR-2025')
    expect(linesOf(entry)).toEqual([
      ['5125', 100_000, 0, '655957 XOF'],
      ['7561', 0, 100_000, '655957 XOF'],
    ])
  })
})

describe('dedicated funds and the share of future years', () => {
  it('carries the unspent half of a tied grant as a dedicated fund, then uses it the next year', async () => {
    app = await startTestApp()
    const eu = await app.ok('funders.create', {
      name: 'Union européenne',
      acronym: 'UE',
      kind: 'multilateral',
      defaultCurrency: 'EUR',
    })
    const agreement = await app.ok('agreements.create', {
      funderId: eu.id,
      reference: 'UE-GOUV-2024',
      title: 'Gouvernance locale',
      signedOn: '2024-02-01',
      startsOn: '2024-01-01',
      endsOn: '2025-12-31',
      currency: 'EUR',
      amount: '100000',
      earmarking: 'programme',
      programmeCode: 'local_governance',
      nature: 'operating',
    })
    for (const [year, spentOn] of [
      [2024, '2024-06-15'],
      [2025, '2025-03-10'],
    ] as const) {
      const line = await budgetLine(app, year, agreement.id)
      await app.ok('budget.addExpense', {
        confirmed: true,
        lineKey: line.lineKey,
        spentOn,
        agreementId: agreement.id,
        description: `Atelier ${year}`,
        amount: '50000',
        currency: 'EUR',
      })
    }
    const books2024 = await booksOf(app, 2024)
    const year2024 = found(books2024.agreementYears[0], '2024')
    expect(year2024).toMatchObject({
      income: 10_000_000,
      dedicatedStart: 0,
      dedicatedUsed: 0,
      dedicatedAdded: 5_000_000,
      dedicatedEnd: 5_000_000,
    })
    const closing2024 = found(
      books2024.entries.find((e) => e.origin.kind === 'year-end'),
      'year-end 2024',
    )
    expect(closing2024.date).toBe('2024-12-31')
    expect(linesOf(closing2024)).toEqual([
      ['6894', 5_000_000, 0, null],
      ['194', 0, 5_000_000, null],
    ])
    const books2025 = await booksOf(app, 2025)
    const opening = found(
      books2025.entries.find((e) => e.origin.kind === 'opening'),
      'opening 2025',
    )
    expect(opening.journal.code).toBe('AN')
    expect(opening.number).toBe(1)
    expect(linesOf(opening).find(([account]) => account === '194')).toEqual([
      '194',
      0,
      5_000_000,
      null,
    ])
    expect(found(books2025.agreementYears[0], '2025')).toMatchObject({
      income: 0,
      dedicatedStart: 5_000_000,
      dedicatedUsed: 5_000_000,
      dedicatedAdded: 0,
      dedicatedEnd: 0,
    })
    const closing2025 = found(
      books2025.entries.find((e) => e.origin.kind === 'year-end'),
      'year-end 2025',
    )
    expect(linesOf(closing2025)).toEqual([
      ['194', 5_000_000, 0, null],
      ['7894', 0, 5_000_000, null],
    ])
    // The result of 2024: 100,000 € notified, 50,000 € spent, 50,000 € carried: nil.
    expect(linesOf(opening).find(([account]) => account.startsWith('12'))).toBeUndefined()
    expectBalanced([...books2024.entries, ...books2025.entries])

    const report = await app.ok('reports.preview', {
      kind: 'dedicated-funds',
      year: 2024,
      language: 'fr',
    })
    const annex = found(report.sheets[0]?.tables[0], 'annex')
    const row = found(
      annex.rows.find((r) => r.cells[0]?.kind === 'text' && r.cells[0].text === 'UE-GOUV-2024'),
      'row',
    )
    expect(row.cells.slice(2, 6)).toEqual(
      [0, 0, 5_000_000, 5_000_000].map((minor) => ({
        kind: 'money',
        minor,
        currency: 'EUR',
      })),
    )
    expect(await checkClosed(app)).toEqual([])
  })

  it('defers the share of the instalments scheduled after the year end', async () => {
    app = await startTestApp()
    const state = await app.ok('funders.create', {
      name: 'Gouvernement du Québec',
      kind: 'state',
      defaultCurrency: 'EUR',
    })
    const agreement = await app.ok('agreements.create', {
      funderId: state.id,
      reference: 'QC-2024',
      title: 'Soutien au fonctionnement 2024–2025',
      signedOn: '2024-01-20',
      startsOn: '2024-01-01',
      endsOn: '2025-12-31',
      currency: 'EUR',
      amount: '100000',
      earmarking: 'untied',
      nature: 'operating',
    })
    await app.ok('agreements.addInstalment', {
      agreementId: agreement.id,
      expectedOn: '2024-03-01',
      amount: '60000',
    })
    await app.ok('agreements.addInstalment', {
      agreementId: agreement.id,
      expectedOn: '2025-03-01',
      amount: '40000',
    })
    const books2024 = await booksOf(app, 2024)
    expect(found(books2024.agreementYears[0], '2024')).toMatchObject({
      income: 6_000_000,
      futureEnd: { operating: 4_000_000, investment: 0 },
      dedicatedEnd: 0,
    })
    const deferral = found(
      books2024.entries.find((e) => e.origin.kind === 'year-end'),
      'deferral',
    )
    expect(linesOf(deferral)).toEqual([
      ['741', 4_000_000, 0, null],
      ['487', 0, 4_000_000, null],
    ])
    const books2025 = await booksOf(app, 2025)
    const release = found(
      books2025.entries.find((e) => e.origin.kind === 'year-end'),
      'release',
    )
    expect(linesOf(release)).toEqual([
      ['741', 0, 4_000_000, null],
      ['487', 4_000_000, 0, null],
    ])
  })
})
