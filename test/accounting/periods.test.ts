import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import type { Session } from '../../electron/main/app/session'
import { deriveYear } from '../../electron/main/accounting/books'
import { fecText } from '../../electron/main/accounting/fec'
import { checkFile } from '../../electron/main/check/file-check'
import { DataFile } from '../../electron/main/db/data-file'
import { missionCopy } from '../../electron/main/sync/sync-service'
import { startTestApp, type TestApp } from '../support/core'
import { found } from '../support/found'
import { tempFolder } from '../support/temp'
import { TODAY, booksOf, budgetLine, checkClosed, entryOf, ledgerIdOf, linesOf } from './support'

let app: TestApp
afterEach(async () => app?.core.dispose())

/** A year of money: a EUR grant notified in January, received in February and May, dues in March. */
async function yearOfMoney() {
  app = await startTestApp()
  const funder = await app.ok('funders.create', {
    name: 'République française',
    acronym: 'RF',
    kind: 'state',
    defaultCurrency: 'EUR',
  })
  const agreement = await app.ok('agreements.create', {
    funderId: funder.id,
    reference: 'RF-2025',
    title: 'Subvention de fonctionnement',
    signedOn: '2025-01-15',
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    currency: 'EUR',
    amount: '300000',
    earmarking: 'untied',
    nature: 'operating',
  })
  const first = await app.ok('receipts.add', {
    confirmed: true,
    agreementId: agreement.id,
    receivedOn: '2025-02-10',
    amount: '100000',
  })
  const member = await app.ok('members.create', {
    kind: 'city',
    name: 'Ville de Lomé',
    country: 'TG',
    population: 900_000,
    status: 'active',
  })
  await app.ok('dues.addPayment', {
    confirmed: true,
    memberId: member.id,
    kind: 'voluntary',
    receivedOn: '2025-03-05',
    amount: '2500',
    currency: 'EUR',
    method: 'transfer',
  })
  await app.ok('receipts.add', {
    confirmed: true,
    agreementId: agreement.id,
    receivedOn: '2025-05-10',
    amount: '100000',
  })
  return { funder, agreement, member, receipt: found(first.receipts[0], 'receipt') }
}

/** The FEC lines of the books up to a day. */
async function fecUpTo(session: Session, year: number, through: string): Promise<string[]> {
  const books = await deriveYear(session.file.db, year, { today: TODAY, language: 'fr' })
  return fecText(books.entries.filter((e) => e.date <= through))
    .text.split('\r\n')
    .filter(Boolean)
}

describe('closed periods', () => {
  it('refuses every write dated in a closed period, naming its date field, and keeps the closed books', async () => {
    const { agreement, member, receipt } = await yearOfMoney()
    const session = app.core.requireSession()
    const before = await fecUpTo(session, 2025, '2025-03-31')
    const periods = await app.ok('accounting.close', { through: '2025-03-31', note: 'T1' })
    expect(periods.closedThrough).toBe('2025-03-31')
    const closure = found(periods.closures[0], 'closure')
    expect(closure.entries).toBe(3)
    expect(closure.closedBy).toBe('Testeur')
    expect(closure.journals.map((j) => [j.code, j.entries, j.lastNumber])).toEqual([
      ['BQ1', 2, 2],
      ['OD', 1, 1],
    ])

    const refused = async (channel: string, input: unknown, field: string) => {
      // Refused before any question of plausibility: nobody confirms a date only to be refused.
      const result = await app.call(channel as 'receipts.add', input as never)
      expect(result.ok, channel).toBe(false)
      if (result.ok) return
      expect(result.error.fields?.map((f) => f.path)).toEqual([field])
      expect(result.error.fields?.[0]?.message).toContain('31/03/2025')
      expect(result.error.fields?.[0]?.message).toContain('01/04/2025')
    }
    const ledgerBefore = await ledgerCount()
    await refused(
      'receipts.add',
      { agreementId: agreement.id, receivedOn: '2025-03-20', amount: '1000' },
      'receivedOn',
    )
    await refused(
      'dues.addPayment',
      {
        memberId: member.id,
        kind: 'voluntary',
        receivedOn: '2025-01-02',
        amount: '10',
        currency: 'EUR',
        method: 'cash',
      },
      'receivedOn',
    )
    await refused(
      'funds.addOtherIncome',
      { receivedOn: '2025-02-28', label: 'Intérêts', currency: 'EUR', amount: '12' },
      'receivedOn',
    )
    const line = await budgetLine(app, 2025, null)
    await refused(
      'budget.addExpense',
      {
        lineKey: line.lineKey,
        spentOn: '2025-03-31',
        description: 'Loyer de mars',
        amount: '900',
        currency: 'EUR',
      },
      'spentOn',
    )
    expect(await ledgerCount()).toBe(ledgerBefore)

    // A correction of the closed period is recorded in the open one.
    await app.ok('receipts.cancel', { id: receipt.id, reason: 'Saisi par erreur' })
    const reversal = await ledgerIdOf(app, 'receipts', receipt.id, { reversal: true })
    const books = await booksOf(app, 2025)
    const entry = entryOf(books.entries, reversal)
    expect(entry.date).toBe('2025-04-01')
    expect(entry.pieceDate).toBe('2025-04-01')
    expect(linesOf(entry)).toEqual([
      ['5121', 0, 10_000_000, null],
      ['4412', 10_000_000, 0, null],
    ])
    // Writes dated after the closing are taken; the closed books, numbers included, are those
    // closed.
    await app.ok('budget.addExpense', {
      confirmed: true,
      lineKey: line.lineKey,
      spentOn: '2025-04-30',
      description: 'Loyer d’avril',
      amount: '900',
      currency: 'EUR',
    })
    expect(await fecUpTo(session, 2025, '2025-03-31')).toEqual(before)
    expect(await checkClosed(app)).toEqual([])
  })

  it('applies a change of the mapping to the open period only', async () => {
    await yearOfMoney()
    await app.ok('accounting.close', { through: '2025-03-31' })
    await app.ok('accounting.saveAccount', {
      number: '7411',
      label: 'Subventions de l’État français',
    })
    const plan = await app.ok('accounting.saveRule', {
      role: 'subsidy.income',
      funderKind: 'state',
      account: '7411',
    })
    expect(plan.rules.find((r) => !r.isDefault)).toMatchObject({
      role: 'subsidy.income',
      funderKind: 'state',
      account: '7411',
      accountLabel: 'Subventions de l’État français',
    })
    const agreements = await app.ok('agreements.list', {})
    const agreement = found(agreements[0], 'agreement')
    await app.ok('agreements.addAmendment', {
      agreementId: agreement.id,
      signedOn: '2025-06-01',
      amountChange: '20000',
    })
    const books = await booksOf(app, 2025)
    const incomeAccounts = books.entries
      .filter((e) => e.origin.kind === 'ledger' && e.lines.some((l) => l.account.startsWith('74')))
      .map((e) => [e.date, e.lines.find((l) => l.account.startsWith('74'))?.account])
    expect(incomeAccounts).toEqual([
      ['2025-01-15', '741'],
      ['2025-06-01', '7411'],
    ])
    // A rule by budget line: the lines' expenses go to 613 from now on.
    const line = await budgetLine(app, 2026, null)
    await app.ok('accounting.saveRule', { role: 'expense', budgetLine: '1.1', account: '613' })
    await app.ok('budget.addExpense', {
      confirmed: true,
      lineKey: line.lineKey,
      spentOn: '2026-02-01',
      description: 'Loyer',
      amount: '900',
      currency: 'EUR',
    })
    const expense = (await booksOf(app, 2026)).entries.find((e) =>
      e.lines.some((l) => l.account === '613'),
    )
    expect(expense?.lines.map((l) => l.account)).toEqual(['613', '5121'])
    expect(await checkClosed(app)).toEqual([])
  })

  it('closes only whole months that are over, after the last closing, and reopens only the last', async () => {
    await yearOfMoney()
    const notMonthEnd = await app.call('accounting.close', { through: '2025-03-30' })
    expect(!notMonthEnd.ok && notMonthEnd.error.fields?.[0]?.path).toBe('through')
    const future = await app.call('accounting.close', { through: '2099-12-31' })
    expect(!future.ok && future.error.fields?.[0]?.path).toBe('through')
    const first = found(
      (await app.ok('accounting.close', { through: '2025-01-31' })).closures[0],
      'first',
    )
    const again = await app.call('accounting.close', { through: '2025-01-31' })
    expect(!again.ok && again.error.fields?.[0]?.message).toContain('31/01/2025')
    const periods = await app.ok('accounting.close', { through: '2025-12-31' })
    expect(periods.closures.map((c) => c.closesThrough)).toEqual(['2025-12-31', '2025-01-31'])
    const notLast = await app.call('accounting.reopen', { id: first.id, reason: 'Erreur' })
    expect(notLast.ok).toBe(false)
    const noReason = await app.call('accounting.reopen', { id: first.id, reason: '  ' })
    expect(!noReason.ok && noReason.error.fields?.[0]?.path).toBe('reason')
    const last = found(periods.closures[0], 'last')
    const reopened = await app.ok('accounting.reopen', { id: last.id, reason: 'Écriture oubliée' })
    expect(reopened.closedThrough).toBe('2025-01-31')
    const agreement = found((await app.ok('agreements.list', {}))[0], 'agreement')
    await app.ok('receipts.add', {
      confirmed: true,
      agreementId: agreement.id,
      receivedOn: '2025-06-30',
      amount: '5000',
    })
    expect(await checkClosed(app)).toEqual([])
  })
})

async function ledgerCount(): Promise<number> {
  const db = app.core.requireSession().file.db
  const row = await db
    .selectFrom('ledger_entries')
    .select(db.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('an entry synced into a closed period', () => {
  it('is set aside for review and booked on the first open day, the same on every copy', async () => {
    const folder = await tempFolder()
    const share = join(folder, 'partage')
    await mkdir(share)
    const officePath = join(folder, 'bureau.sqlite')
    const officeFile = await DataFile.create(officePath)
    const office = createSession(officeFile)
    await office.otherIncome.add(
      { receivedOn: '2025-01-20', label: 'Intérêts', currency: 'EUR', amount: '120', note: null },
      'Bureau',
    )
    await office.sync.syncFolder(share, 'Bureau')
    const missionPath = join(folder, 'mission.sqlite')
    await missionCopy(officeFile, office.sync, missionPath)
    const missionFile = await DataFile.open(missionPath)
    const mission = createSession(missionFile)
    try {
      // Offline, the mission records income of February; meanwhile the office closes March.
      await mission.otherIncome.add(
        {
          receivedOn: '2025-02-20',
          label: 'Don d’une ville',
          currency: 'EUR',
          amount: '800',
          note: null,
        },
        'Mission',
      )
      await office.periods.close('2025-03-31', null, 'Bureau')
      const closedBooks = await fecUpTo(office, 2025, '2025-03-31')
      await mission.sync.syncFolder(share, 'Mission')
      const report = await office.sync.syncFolder(share, 'Bureau')
      expect(report.conflicts).toBeGreaterThan(0)
      const review = await office.sync.conflicts()
      expect(review.some((c) => c.kind === 'accounts' && /2025-02-20/.test(c.detail ?? ''))).toBe(
        true,
      )
      const view = await office.periods.view()
      expect(view.lateEntries).toMatchObject([
        { entryDate: '2025-02-20', bookedOn: '2025-04-01', kind: 'other_income', eurMinor: 80_000 },
      ])
      // The closed books did not change; the late entry is in the open period.
      expect(await fecUpTo(office, 2025, '2025-03-31')).toEqual(closedBooks)
      const late = (
        await booksOf({ core: { requireSession: () => office } } as never, 2025)
      ).entries.find((e) => e.date === '2025-04-01')
      expect(late?.label).toContain('reçue après la clôture')
      expect(late?.pieceDate).toBe('2025-02-20')

      // The mission hears of the closing: it books the entry the same way, and refuses to
      // date anything more in the closed period.
      await mission.sync.syncFolder(share, 'Mission')
      const officeFec = fecText(
        (await deriveYear(office.file.db, 2025, { today: TODAY, language: 'fr' })).entries,
      )
      const missionFec = fecText(
        (await deriveYear(mission.file.db, 2025, { today: TODAY, language: 'fr' })).entries,
      )
      expect(missionFec.text).toBe(officeFec.text)
      await expect(
        mission.otherIncome.add(
          { receivedOn: '2025-03-01', label: 'Autre', currency: 'EUR', amount: '1', note: null },
          'Mission',
        ),
      ).rejects.toMatchObject({ fields: [{ path: 'receivedOn' }] })

      // The next closing takes it in: nothing is left to review.
      await office.periods.close('2025-04-30', null, 'Bureau')
      expect((await office.periods.view()).lateEntries).toEqual([])
    } finally {
      await missionFile.close()
      await officeFile.close()
    }
    expect(await checkFile(officePath)).toEqual([])
  })
})
