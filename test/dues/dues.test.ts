import { afterEach, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { today } from '@shared/validation/dates'
import { startTestApp, type TestApp } from '../support/core'

let app: TestApp
afterEach(async () => app?.core.dispose())

const city = (name: string, country: string, population: number | null, status = 'active') =>
  app.ok('members.create', {
    kind: 'city',
    name,
    country,
    population,
    status: status as 'active',
    statusReason: status === 'active' ? null : 'Cotisations impayées depuis 2022',
  })

/** A scale in francs CFA for cities, in euros for associations; three cities and one suspended. */
async function setUp(year = 2026) {
  app = await startTestApp()
  await app.ok('dues.saveScale', {
    year,
    bands: [
      {
        memberKind: 'city',
        populationFrom: 0,
        populationTo: 499_999,
        amount: '1000000',
        currency: 'XOF',
        label: 'Ville de moins de 500 000 habitants',
      },
      {
        memberKind: 'city',
        populationFrom: 500_000,
        amount: '3000',
        currency: 'EUR',
        label: 'Ville de 500 000 habitants et plus',
      },
    ],
  })
  const cotonou = await city('Ville de Cotonou', 'BJ', 680_000)
  const lome = await city('Commune de Lomé', 'TG', 450_000)
  const bangui = await city('Ville de Bangui', 'CF', null)
  const goma = await city('Ville de Goma', 'CD', 700_000, 'suspended')
  return { cotonou, lome, bangui, goma }
}

async function entries() {
  const db = app.core.requireSession().file.db
  const row = await db
    .selectFrom('ledger_entries')
    .select(db.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('dues calls', () => {
  it('previews who is called what and why, then calls each missing member once', async () => {
    const { cotonou, lome, bangui, goma } = await setUp()
    const run = { year: 2026, calledOn: '2026-01-15', dueOn: '2026-03-31' }
    const preview = await app.ok('dues.previewCalls', run)
    const byId = new Map(preview.map((row) => [row.memberId, row]))
    expect(byId.get(cotonou.id)).toMatchObject({
      outcome: 'to_call',
      amount: 300_000,
      currency: 'EUR',
      basis: 'Ville de 500 000 habitants et plus',
    })
    expect(byId.get(lome.id)).toMatchObject({
      outcome: 'to_call',
      amount: 1_000_000,
      currency: 'XOF',
    })
    expect(byId.get(bangui.id)?.outcome).toBe('excluded')
    expect(byId.get(bangui.id)?.basis).toContain('population inconnue')
    expect(byId.get(goma.id)).toMatchObject({
      outcome: 'excluded',
      basis: 'Écarté : membre Suspendu',
    })

    expect(await app.ok('dues.generateCalls', run)).toEqual({ created: 2 })
    const calls = await app.ok('dues.calls', { year: 2026 })
    expect(calls.map((c) => c.number)).toEqual(['AC-2026-0001', 'AC-2026-0002'])
    // 1,000,000 XOF at the fixed parity: 1,524.49 €.
    expect(calls.find((c) => c.memberId === lome.id)?.eurAmount).toBe(152_449)

    // Run again: nothing twice; a member who joined since is the only one added.
    expect(await app.ok('dues.generateCalls', run)).toEqual({ created: 0 })
    await city('Ville de Dschang', 'CM', 120_000)
    expect(await app.ok('dues.generateCalls', run)).toEqual({ created: 1 })
    expect((await app.ok('dues.calls', { year: 2026 })).at(-1)?.number).toBe('AC-2026-0003')
  })

  it('applies a member override, and refuses overlapping bands on their row', async () => {
    const { lome } = await setUp()
    await app.ok('dues.setOverride', {
      memberId: lome.id,
      year: 2026,
      amount: '500000',
      currency: 'XOF',
      reason: 'Décision du Bureau : ville sinistrée',
    })
    const preview = await app.ok('dues.previewCalls', {
      year: 2026,
      calledOn: '2026-01-15',
      dueOn: '2026-03-31',
    })
    expect(preview.find((r) => r.memberId === lome.id)).toMatchObject({
      amount: 500_000,
      basis: 'Montant particulier : Décision du Bureau : ville sinistrée',
    })
    const overlap = await app.call('dues.saveScale', {
      year: 2027,
      bands: [
        {
          memberKind: 'city',
          populationFrom: 0,
          populationTo: 500_000,
          amount: '1',
          currency: 'EUR',
          label: 'A',
        },
        { memberKind: 'city', populationFrom: 500_000, amount: '2', currency: 'EUR', label: 'B' },
      ],
    })
    expect(overlap.ok).toBe(false)
    if (!overlap.ok) expect(overlap.error.fields?.[0]?.path).toBe('bands.1.populationFrom')
  })
})

describe('dues payments', () => {
  it('settles a partial XOF payment, a grouped EUR payment oldest first, and keeps an overpayment as credit', async () => {
    const { cotonou, lome } = await setUp(2025)
    await app.ok('dues.copyScale', { fromYear: 2025, toYear: 2026 })
    await app.ok('dues.generateCalls', { year: 2025, calledOn: '2025-01-15', dueOn: '2025-03-31' })
    await app.ok('dues.generateCalls', { year: 2026, calledOn: '2026-01-15', dueOn: '2026-03-31' })

    // Lomé pays 400,000 XOF of its 1,000,000 XOF 2025 call.
    const before = await entries()
    const partial = await app.ok('dues.addPayment', {
      confirmed: true,
      memberId: lome.id,
      kind: 'dues',
      receivedOn: '2026-02-10',
      amount: '400000',
      currency: 'XOF',
      method: 'transfer',
      bankReference: 'VIR-LFW-1',
    })
    expect(await entries()).toBe(before + 1)
    expect(partial).toMatchObject({ settled: 400_000, credit: 0, eurAmount: 60_980 })
    expect(partial.settlements.map((s) => [s.callNumber, s.amount])).toEqual([
      ['AC-2025-0001', 400_000],
    ])

    // Cotonou pays 6,500 € at once: its 2025 call, then its 2026 call, 500 € left as credit.
    const grouped = await app.ok('dues.addPayment', {
      confirmed: true,
      memberId: cotonou.id,
      kind: 'dues',
      receivedOn: '2026-04-02',
      amount: '6500',
      currency: 'EUR',
      method: 'transfer',
    })
    expect(grouped.settlements.map((s) => [s.year, s.amount])).toEqual([
      [2025, 300_000],
      [2026, 300_000],
    ])
    expect(grouped.credit).toBe(50_000)
    const account = await app.ok('members.account', { id: cotonou.id })
    expect(account).toMatchObject({ arrearsEur: 0, creditEur: 50_000, standing: 'up_to_date' })

    // Lomé's remaining 600,000 XOF paid in euros: 914.69 € converts to 599,999.8 → settles it.
    const euros = await app.ok('dues.addPayment', {
      confirmed: true,
      memberId: lome.id,
      kind: 'dues',
      receivedOn: '2026-04-03',
      amount: '914.69',
      currency: 'EUR',
      method: 'transfer',
      settle: [{ callId: partial.settlements[0]?.callId ?? '', amount: '600000' }],
    })
    expect(euros.settlements[0]).toMatchObject({ amount: 600_000, currency: 'XOF' })
    const lomeCalls = await app.ok('dues.calls', { memberId: lome.id })
    expect(lomeCalls.map((c) => c.status)).toEqual(['paid', 'open'])

    // The dashboard's untied income includes the dues, in euros.
    const summary = await app.ok('funds.summary', { year: 2026 })
    expect(summary.byClass.untied.received).toBe(60_980 + 650_000 + 91_469)
    const path = app.core.requireSession().file.path
    await app.core.closeFile()
    expect(await checkFile(path)).toEqual([])
  })

  it('refuses bad payments and writes nothing', async () => {
    const { lome } = await setUp()
    const before = await entries()
    const negative = await app.call('dues.addPayment', {
      confirmed: true,
      memberId: lome.id,
      kind: 'dues',
      receivedOn: '2026-02-10',
      amount: '-5',
      currency: 'XOF',
      method: 'cash',
    })
    expect(negative.ok).toBe(false)
    if (!negative.ok) expect(negative.error.fields?.[0]?.path).toBe('amount')
    const noRate = await app.call('dues.addPayment', {
      confirmed: true,
      memberId: lome.id,
      kind: 'dues',
      receivedOn: '2026-02-10',
      amount: '100',
      currency: 'USD',
      method: 'transfer',
    })
    expect(noRate.ok).toBe(false)
    if (!noRate.ok)
      expect(noRate.error.fields?.[0]?.message).toContain(
        'Aucun taux de change pour USD au 10/02/2026',
      )
    const nobody = await app.call('dues.addPayment', {
      confirmed: true,
      memberId: '01900000-0000-7000-8000-000000000000',
      kind: 'dues',
      receivedOn: '2026-02-10',
      amount: '100',
      currency: 'EUR',
      method: 'transfer',
    })
    expect(nobody.ok).toBe(false)
    if (!nobody.ok) expect(nobody.error.code).toBe('NOT_FOUND')
    expect(await entries()).toBe(before)
  })

  it('ages arrears by the year of their call, and a cancelled payment reopens its calls', async () => {
    app = await startTestApp()
    const member = await city('Ville de Niamey', 'NE', 1_500_000)
    // Aged from the machine's year, whichever it is: the calls of this year and the four before.
    const now = Number(today().slice(0, 4))
    for (const year of [now - 4, now - 3, now - 2, now - 1, now]) {
      await app.ok('dues.saveScale', {
        year,
        bands: [
          {
            memberKind: 'city',
            populationFrom: 0,
            amount: '1000',
            currency: 'EUR',
            label: 'Ville',
          },
        ],
      })
      // Due on the year's first day: this year's call is already due, whatever today is.
      await app.ok('dues.generateCalls', {
        year,
        calledOn: `${year}-01-01`,
        dueOn: `${year}-01-01`,
      })
    }
    const payment = await app.ok('dues.addPayment', {
      confirmed: true,
      memberId: member.id,
      kind: 'dues',
      receivedOn: `${now - 1}-05-01`,
      amount: '1500',
      currency: 'EUR',
      method: 'cheque',
    })
    // Oldest first: the oldest call paid, the next half paid; the three latest unpaid.
    const account = await app.ok('members.account', { id: member.id })
    expect(account.arrears).toEqual({
      current: 100_000,
      oneYear: 100_000,
      twoYears: 100_000,
      threeYearsOrMore: 50_000,
      total: 350_000,
    })
    expect(account.standing).toBe('in_arrears')
    const summary = await app.ok('dues.summary', { year: now })
    expect(summary.byYear.filter((y) => y.calledEur > 0).map((y) => [y.year, y.rate])).toEqual([
      [now - 4, 1],
      [now - 3, 0.5],
      [now - 2, 0],
      [now - 1, 0],
      [now, 0],
    ])
    expect(summary.largest[0]).toMatchObject({ memberName: 'Ville de Niamey', arrearsEur: 350_000 })

    const after = await app.ok('dues.cancelPayment', { id: payment.id, reason: 'Chèque rejeté' })
    expect(after.arrears.total).toBe(500_000)
    expect(after.payments).toEqual([])
  })

  it('holds back the approval of a project for a member in arrears beyond the tolerance', async () => {
    app = await startTestApp()
    const member = await city('Ville de Niamey', 'NE', 1_500_000)
    const project = await app.ok('projects.create', {
      title: 'Marché aux légumes',
      memberId: member.id,
      sectorCode: '43030',
      programme: 'local_governance',
      nature: 'investment',
      currency: 'EUR',
      totalCost: '50000',
    })
    await app.ok('dues.saveScale', {
      year: 2025,
      bands: [
        { memberKind: 'city', populationFrom: 0, amount: '1000', currency: 'EUR', label: 'Ville' },
      ],
    })
    await app.ok('dues.generateCalls', { year: 2025, calledOn: '2025-01-15', dueOn: '2025-03-31' })
    const approve = {
      projectId: project.id,
      to: 'approved' as const,
      onDate: '2026-11-20',
      bureauMeeting: 'Bureau',
      confirmed: true,
    }
    const held = await app.call('projects.transition', approve)
    expect(held.ok).toBe(false)
    if (!held.ok) {
      expect(held.error.fields?.[0]).toMatchObject({ path: 'overrideReason' })
      expect(held.error.fields?.[0]?.message).toMatch(/1\s000,00\s€ d’arriérés .*tolérance 0,00\s€/)
    }
    await app.ok('dues.updateSettings', { arrearsTolerance: '1000', paymentDays: 90 })
    const approved = await app.ok('projects.transition', approve)
    expect(approved.status).toBe('approved')
  })

  it('keeps several contacts and roles per member, and refuses a bad e-mail on its field', async () => {
    const { cotonou } = await setUp()
    await app.ok('members.addContact', {
      memberId: cotonou.id,
      name: 'Aïcha Dossou',
      role: 'Directrice de la coopération',
      email: 'cooperation@ville-cotonou.bj',
    })
    const account = await app.ok('members.addContact', {
      memberId: cotonou.id,
      name: 'Koffi Agbo',
      role: 'Receveur municipal',
      phone: '+229 21 00 00 00',
    })
    expect(account.contacts.map((c) => c.name)).toEqual(['Aïcha Dossou', 'Koffi Agbo'])
    const bad = await app.call('members.addContact', {
      memberId: cotonou.id,
      name: 'X',
      email: 'pas un courriel',
    })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.fields?.[0]?.path).toBe('email')
    const withRole = await app.ok('members.addRole', {
      memberId: cotonou.id,
      body: 'bureau',
      role: 'Vice-président',
      // A term running today, whatever the machine's year.
      startsOn: `${Number(today().slice(0, 4)) - 2}-11-01`,
      endsOn: `${Number(today().slice(0, 4)) + 1}-10-31`,
    })
    expect(withRole.roles[0]).toMatchObject({ body: 'bureau', role: 'Vice-président' })
    expect((await app.ok('members.get', { id: cotonou.id })).inBureau).toBe(true)
  })
})
