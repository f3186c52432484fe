import { describe, expect, it } from 'vitest'
import {
  app,
  setUp,
  approveAndSign,
  rowCount,
  checkedFile,
  financeFromAction,
  lineOf,
} from './project-setup'

describe('projects', () => {
  it('values a commitment in a foreign currency at the rate of its day, and never again', async () => {
    const { project } = await setUp()
    const gates = await app.ok('funders.create', {
      name: 'Fondation Gates',
      kind: 'foundation',
      defaultCurrency: 'USD',
    })
    // 1.25 USD per euro in April, 1.00 from June (the rate of the day the line is typed).
    await app.ok('rates.add', {
      currency: 'USD',
      rateDate: '2026-01-01',
      rate: '1.25',
      source: 'BCE',
    })
    await app.ok('rates.add', {
      currency: 'USD',
      rateDate: '2026-06-01',
      rate: '1.00',
      source: 'BCE',
    })
    const usd = await app.ok('agreements.create', {
      funderId: gates.id,
      reference: 'BMGF-2026',
      title: 'Assainissement',
      startsOn: '2026-01-01',
      endsOn: '2028-12-31',
      currency: 'USD',
      amount: '500000',
      earmarking: 'programme',
      programmeCode: 'essential_services',
      nature: 'investment',
    })
    await approveAndSign(project.id)
    const typed = await app.ok('projects.addFinancingLine', {
      projectId: project.id,
      source: 'agreement',
      agreementId: usd.id,
      amount: '100000',
      currency: 'USD',
    })
    expect(lineOf(typed, 'agreement').eurAmount).toBe(10_000_000)
    const line = lineOf(typed, 'agreement')
    // Committed on 15 April: 100,000 USD ÷ 1.25 = 80,000.00 €, not the 100,000 € of the day typed.
    const committed = await app.ok('projects.commitFinancingLine', {
      confirmed: true,
      id: line.id,
      committedOn: '2026-04-15',
    })
    expect(lineOf(committed, 'agreement')).toMatchObject({ eurAmount: 8_000_000, rate: '1.25' })
    expect(committed.committedEur).toBe(8_000_000)
    // Rates entered afterwards — for the commitment's own day, and a newer one — change nothing.
    await app.ok('rates.add', {
      currency: 'USD',
      rateDate: '2026-04-15',
      rate: '1.60',
      source: 'BCE',
    })
    await app.ok('rates.add', {
      currency: 'USD',
      rateDate: '2026-11-30',
      rate: '2.00',
      source: 'BCE',
    })
    const later = await app.ok('projects.get', { id: project.id })
    expect(lineOf(later, 'agreement').eurAmount).toBe(8_000_000)
    expect(later.committedEur).toBe(8_000_000)
    const agreement = await app.ok('agreements.get', { id: usd.id })
    expect(agreement.figures.allocated).toBe(10_000_000)
    expect(agreement.figuresEur.allocated).toBe(8_000_000)
    expect(await checkedFile()).toEqual([])
  })

  it('numbers projects and members, with the country and region of the member', async () => {
    const { project, dakar } = await setUp()
    expect(dakar.code).toBe('M-0001')
    expect(dakar.region).toBe('west_africa')
    expect(project.code).toMatch(/^FC-\d{4}-001$/)
    expect(project).toMatchObject({ country: 'SN', region: 'west_africa', status: 'in_review' })
    expect(project.transitions).toHaveLength(1)
    const clash = await app.call('projects.create', {
      code: project.code.toLowerCase(),
      title: 'Autre',
      memberId: dakar.id,
      sectorCode: '14030',
      programme: 'essential_services',
      nature: 'investment',
      currency: 'EUR',
      totalCost: '1000',
    })
    expect(clash.ok).toBe(false)
    if (!clash.ok) expect(clash.error.fields?.[0]?.path).toBe('code')
  })

  it('allows only the next status or abandonment, and records who and when', async () => {
    const { project } = await setUp()
    const skip = await app.call('projects.transition', {
      confirmed: true,
      projectId: project.id,
      to: 'in_progress',
      onDate: '2026-03-10',
    })
    expect(skip.ok).toBe(false)
    if (!skip.ok) expect(skip.error.fields?.[0]?.message).toContain('En instruction')
    const noMeeting = await app.call('projects.transition', {
      confirmed: true,
      projectId: project.id,
      to: 'approved',
      onDate: '2026-03-10',
    })
    expect(noMeeting.ok).toBe(false)
    if (!noMeeting.ok) expect(noMeeting.error.fields?.[0]?.path).toBe('bureauMeeting')
    const signed = await approveAndSign(project.id)
    expect(signed.status).toBe('agreement_signed')
    expect(signed.approvedOn).toBe('2026-03-10')
    expect(signed.bureauMeeting).toBe('Bureau de mars 2026')
    expect(signed.transitions.map((t) => [t.toStatus, t.author])).toEqual([
      ['in_review', 'Testeur'],
      ['approved', 'Testeur'],
      ['agreement_signed', 'Testeur'],
    ])
    expect(signed.dues).toEqual({ kind: 'no_data' })
    expect(signed.nextStatuses).toEqual(['in_progress', 'abandoned'])
  })

  it('builds a plan from an EU action, the untied fund and the city, within each fund', async () => {
    const { project, action, climate } = await setUp()
    // A project-tied agreement finances only the projects it names.
    const notNamed = await app.call('projects.addFinancingLine', {
      projectId: project.id,
      source: 'agreement',
      agreementId: action.id,
      amount: '120000',
      currency: 'EUR',
    })
    expect(notNamed.ok).toBe(false)
    if (!notNamed.ok) expect(notNamed.error.fields?.[0]?.message).toContain('UE-ANE-2026')
    // A programme-tied agreement finances its programme only.
    const otherProgramme = await app.call('projects.addFinancingLine', {
      projectId: project.id,
      source: 'agreement',
      agreementId: climate.id,
      amount: '1000',
      currency: 'EUR',
    })
    expect(otherProgramme.ok).toBe(false)

    const named = await app.ok('agreements.nameProject', {
      agreementId: action.id,
      projectId: project.id,
    })
    expect(named.namedProjects.map((p) => p.code)).toEqual([project.code])
    await app.ok('projects.addFinancingLine', {
      projectId: project.id,
      source: 'agreement',
      agreementId: action.id,
      amount: '100000',
      currency: 'USD',
    })
    await app.ok('projects.addFinancingLine', {
      projectId: project.id,
      source: 'untied_fund',
      amount: '70000',
      currency: 'EUR',
    })
    const before = await rowCount('financing_lines')
    const above = await app.call('projects.addFinancingLine', {
      projectId: project.id,
      source: 'city_cash',
      amount: '30000.01',
      currency: 'EUR',
    })
    expect(above.ok).toBe(false)
    if (!above.ok)
      expect(above.error.fields?.[0]?.message).toMatch(/200\s000,01\s€.*200\s000,00\s€/)
    expect(await rowCount('financing_lines')).toBe(before)
    const planned = await app.ok('projects.addFinancingLine', {
      projectId: project.id,
      source: 'city_cash',
      amount: '30000',
      currency: 'EUR',
    })
    // The agreement line is in the agreement's currency, whatever was sent.
    expect(lineOf(planned, 'agreement').currency).toBe('EUR')
    expect(planned.plan).toMatchObject({ balanced: true, difference: 0, total: 20_000_000 })

    // Funds are committed once the project is approved, within what each fund has.
    const early = await app.call('projects.commitFinancingLine', {
      confirmed: true,
      id: lineOf(planned, 'agreement').id,
      committedOn: '2026-03-01',
    })
    expect(early.ok).toBe(false)
    await approveAndSign(project.id)
    const entries = await rowCount('ledger_entries')
    const committed = await app.ok('projects.commitFinancingLine', {
      confirmed: true,
      id: lineOf(planned, 'agreement').id,
      committedOn: '2026-04-02',
    })
    expect(await rowCount('ledger_entries')).toBe(entries + 1)
    const agreement = await app.ok('agreements.get', { id: action.id })
    expect(agreement.figures.allocated).toBe(10_000_000)
    expect(agreement.figures.unallocated).toBe(0)
    expect(committed.committedEur).toBe(10_000_000)
    const city = await app.call('projects.commitFinancingLine', {
      confirmed: true,
      id: lineOf(planned, 'city_cash').id,
      committedOn: '2026-04-02',
    })
    expect(city.ok).toBe(false)
  })

  it('refuses tied money beyond what its agreement has left, with the figures', async () => {
    const { project, action, dakar } = await setUp()
    await app.ok('agreements.nameProject', { agreementId: action.id, projectId: project.id })
    const other = await app.ok('projects.create', {
      title: 'Second projet',
      memberId: dakar.id,
      sectorCode: '14030',
      programme: 'essential_services',
      nature: 'investment',
      currency: 'EUR',
      totalCost: '100000',
    })
    await app.ok('agreements.nameProject', { agreementId: action.id, projectId: other.id })
    for (const p of [project, other]) {
      await approveAndSign(p.id)
      await app.ok('projects.addFinancingLine', {
        projectId: p.id,
        source: 'agreement',
        agreementId: action.id,
        amount: '60000',
        currency: 'EUR',
      })
    }
    const first = await app.ok('projects.get', { id: project.id })
    await app.ok('projects.commitFinancingLine', {
      confirmed: true,
      id: lineOf(first, 'agreement').id,
      committedOn: '2026-04-02',
    })
    const second = await app.ok('projects.get', { id: other.id })
    const refused = await app.call('projects.commitFinancingLine', {
      confirmed: true,
      id: lineOf(second, 'agreement').id,
      committedOn: '2026-04-02',
    })
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.fields?.[0]?.message).toMatch(/40\s000,00\s€.*60\s000,00\s€/)
    }
  })

  it('pays tranches against the committed lines, pro rata, once and under its condition', async () => {
    const { project, action } = await setUp()
    await financeFromAction(project.id, action.id, '50000')
    await app.ok('projects.addTranche', {
      projectId: project.id,
      plannedOn: '2026-05-01',
      amount: '60000',
    })
    let detail = await app.ok('projects.addTranche', {
      projectId: project.id,
      plannedOn: '2026-09-01',
      amount: '90000',
      condition: 'Rapport intermédiaire reçu',
    })
    const [first, second] = detail.tranches
    if (!first || !second) throw new Error('tranches missing')
    const tooEarly = await app.call('projects.payTranche', {
      confirmed: true,
      id: first.id,
      paidOn: '2026-05-02',
    })
    expect(tooEarly.ok).toBe(false)

    detail = await approveAndSign(project.id)
    for (const line of detail.plan.lines) {
      await app.ok('projects.commitFinancingLine', {
        confirmed: true,
        id: line.id,
        committedOn: '2026-04-02',
      })
    }
    const paid = await app.ok('projects.payTranche', {
      confirmed: true,
      id: first.id,
      paidOn: '2026-05-02',
      bankReference: 'VIR-1',
    })
    // 60,000 € split 2:1 between the EU action (100,000) and the untied fund (50,000).
    expect(lineOf(paid, 'agreement').disbursed).toBe(4_000_000)
    expect(lineOf(paid, 'untied_fund').disbursed).toBe(2_000_000)
    expect(paid.paidEur).toBe(6_000_000)
    const agreement = await app.ok('agreements.get', { id: action.id })
    expect(agreement.figures.spent).toBe(4_000_000)
    const summary = await app.ok('funds.summary', {})
    expect(summary.byClass.tied.spent).toBe(4_000_000)
    expect(summary.byClass.untied.spent).toBe(2_000_000)

    const twice = await app.call('projects.payTranche', {
      confirmed: true,
      id: first.id,
      paidOn: '2026-05-03',
    })
    expect(twice.ok).toBe(false)

    const entries = await rowCount('ledger_entries')
    const unmet = await app.call('projects.payTranche', {
      confirmed: true,
      id: second.id,
      paidOn: '2026-09-02',
    })
    expect(unmet.ok).toBe(false)
    if (!unmet.ok) expect(unmet.error.fields?.[0]?.path).toBe('overrideReason')
    expect(await rowCount('ledger_entries')).toBe(entries)
    const forced = await app.ok('projects.payTranche', {
      confirmed: true,
      id: second.id,
      paidOn: '2026-09-02',
      overrideReason: 'Rapport annoncé, travaux urgents',
    })
    expect(forced.paidEur).toBe(15_000_000)
    expect(forced.tranches[1]?.overrideReason).toBe('Rapport annoncé, travaux urgents')

    const cancelled = await app.ok('projects.cancelTranchePayment', {
      id: second.id,
      reason: 'Virement revenu',
    })
    expect(cancelled.paidEur).toBe(6_000_000)
    expect(cancelled.tranches[1]?.status).toBe('planned')
    expect(await checkedFile()).toEqual([])
  })
})
