import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import type { ProjectDetail } from '@shared/projects/schema'
import { startTestApp, type TestApp } from '../support/core'

let app: TestApp
afterEach(async () => app?.core.dispose())

/** A file with an untied grant, a project-tied EU action, a climate programme and a city. */
async function setUp() {
  app = await startTestApp()
  const france = await app.ok('funders.create', {
    name: 'France',
    kind: 'state',
    defaultCurrency: 'EUR',
  })
  const eu = await app.ok('funders.create', {
    name: 'Union européenne',
    kind: 'multilateral',
    defaultCurrency: 'EUR',
  })
  const untied = await app.ok('agreements.create', {
    funderId: france.id,
    reference: 'SUBV-FR-2026',
    title: 'Subvention de fonctionnement',
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    currency: 'EUR',
    amount: '500000',
    earmarking: 'untied',
    nature: 'operating',
  })
  const action = await app.ok('agreements.create', {
    funderId: eu.id,
    reference: 'UE-ANE-2026',
    title: 'Action UE',
    startsOn: '2026-01-01',
    endsOn: '2028-12-31',
    currency: 'EUR',
    amount: '100000',
    earmarking: 'projects',
    nature: 'investment',
  })
  const climate = await app.ok('agreements.create', {
    funderId: eu.id,
    reference: 'UE-CLIMAT-2026',
    title: 'Climat',
    startsOn: '2026-01-01',
    endsOn: '2028-12-31',
    currency: 'EUR',
    amount: '50000',
    earmarking: 'programme',
    programmeCode: 'climate',
    nature: 'investment',
  })
  const dakar = await app.ok('members.create', {
    kind: 'city',
    name: 'Ville de Dakar',
    country: 'SN',
    status: 'active',
  })
  const project = await app.ok('projects.create', {
    title: 'Assainissement du quartier de la Médina',
    memberId: dakar.id,
    sectorCode: '14030',
    programme: 'essential_services',
    nature: 'investment',
    currency: 'EUR',
    totalCost: '200000',
  })
  return { untied, action, climate, dakar, project }
}

async function approveAndSign(id: string) {
  await app.ok('projects.transition', {
    confirmed: true,
    projectId: id,
    to: 'approved',
    onDate: '2026-03-10',
    bureauMeeting: 'Bureau de mars 2026',
  })
  return app.ok('projects.transition', {
    confirmed: true,
    projectId: id,
    to: 'agreement_signed',
    onDate: '2026-04-01',
  })
}

async function rowCount(table: 'ledger_entries' | 'projects' | 'financing_lines' | 'tranches') {
  const db = app.core.requireSession().file.db
  const row = await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The file's problems, checked as `aimf check` does once the file is closed. */
async function checkedFile() {
  const path = app.core.requireSession().file.path
  await app.core.closeFile()
  return checkFile(path)
}

function lineOf(project: ProjectDetail, source: string) {
  const line = project.plan.lines.find((l) => l.source === source)
  if (!line) throw new Error(`no ${source} line`)
  return line
}

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
    await app.ok('agreements.nameProject', { agreementId: action.id, projectId: project.id })
    await app.ok('projects.addFinancingLine', {
      projectId: project.id,
      source: 'agreement',
      agreementId: action.id,
      amount: '100000',
      currency: 'EUR',
    })
    await app.ok('projects.addFinancingLine', {
      projectId: project.id,
      source: 'untied_fund',
      amount: '50000',
      currency: 'EUR',
    })
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

  it('returns unpaid commitments to their funds when a project is abandoned', async () => {
    const { project, action } = await setUp()
    await app.ok('agreements.nameProject', { agreementId: action.id, projectId: project.id })
    let detail = await app.ok('projects.addFinancingLine', {
      projectId: project.id,
      source: 'agreement',
      agreementId: action.id,
      amount: '100000',
      currency: 'EUR',
    })
    await approveAndSign(project.id)
    await app.ok('projects.commitFinancingLine', {
      confirmed: true,
      id: lineOf(detail, 'agreement').id,
      committedOn: '2026-04-02',
    })
    detail = await app.ok('projects.addTranche', {
      projectId: project.id,
      plannedOn: '2026-05-01',
      amount: '25000',
    })
    await app.ok('projects.payTranche', {
      confirmed: true,
      id: detail.tranches[0]?.id ?? '',
      paidOn: '2026-05-02',
    })
    await app.ok('projects.addTranche', {
      projectId: project.id,
      plannedOn: '2026-09-01',
      amount: '75000',
    })
    const closing = await app.call('projects.transition', {
      confirmed: true,
      projectId: project.id,
      to: 'in_progress',
      onDate: '2026-05-03',
    })
    expect(closing.ok).toBe(true)
    const noReason = await app.call('projects.transition', {
      confirmed: true,
      projectId: project.id,
      to: 'abandoned',
      onDate: '2026-06-30',
    })
    expect(noReason.ok).toBe(false)
    const abandoned = await app.ok('projects.transition', {
      confirmed: true,
      projectId: project.id,
      to: 'abandoned',
      onDate: '2026-06-30',
      reason: 'Changement de municipalité',
    })
    expect(abandoned.tranches[1]?.status).toBe('cancelled')
    const agreement = await app.ok('agreements.get', { id: action.id })
    expect(agreement.figures.allocated).toBe(2_500_000)
    expect(agreement.figures.unallocated).toBe(7_500_000)
    const after = await app.call('projects.addTranche', {
      projectId: project.id,
      plannedOn: '2026-09-01',
      amount: '1',
    })
    expect(after.ok).toBe(false)
    expect(await checkedFile()).toEqual([])
  })

  it('checks indicator values against their measure and measures progress', async () => {
    const { project } = await setUp()
    const wrong = await app.call('projects.addIndicator', {
      projectId: project.id,
      name: 'Taux de couverture',
      level: 'outcome',
      measure: 'percentage',
      targetValue: '150',
    })
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) expect(wrong.error.fields?.[0]?.path).toBe('targetValue')
    const words = await app.call('projects.addIndicator', {
      projectId: project.id,
      name: 'Personnes desservies',
      level: 'outcome',
      measure: 'number',
      targetValue: 'beaucoup',
    })
    expect(words.ok).toBe(false)
    let detail = await app.ok('projects.addIndicator', {
      projectId: project.id,
      name: 'Personnes desservies',
      level: 'outcome',
      measure: 'number',
      unit: 'personnes',
      baselineValue: '5 000',
      targetValue: '85 000',
    })
    const indicator = detail.indicators[0]
    if (!indicator) throw new Error('indicator missing')
    expect(indicator).toMatchObject({ baselineValue: '5000', targetValue: '85000', progress: null })
    detail = await app.ok('projects.addIndicatorValue', {
      indicatorId: indicator.id,
      periodEnd: '2026-12-31',
      value: '45000',
      comment: 'Deux quartiers raccordés',
    })
    expect(detail.indicators[0]).toMatchObject({ latestValue: '45000', progress: 0.5 })
  })

  it('will not archive a member with a project under way', async () => {
    const { dakar } = await setUp()
    const refused = await app.call('members.archive', { id: dakar.id })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toContain('1 projet')
  })

  it('filters the list by status, country, programme and search without accents', async () => {
    const { project, dakar } = await setUp()
    const hue = await app.ok('members.create', {
      kind: 'city',
      name: 'Ville de Hué',
      country: 'VN',
      status: 'active',
    })
    await app.ok('projects.create', {
      title: 'Restauration de la citadelle',
      memberId: hue.id,
      sectorCode: '16061',
      programme: 'culture_heritage',
      nature: 'investment',
      currency: 'EUR',
      totalCost: '80000',
    })
    expect((await app.ok('projects.list', { search: 'hue' })).map((p) => p.memberName)).toEqual([
      'Ville de Hué',
    ])
    expect((await app.ok('projects.list', { country: 'SN' })).map((p) => p.id)).toEqual([
      project.id,
    ])
    expect(await app.ok('projects.list', { programme: 'culture_heritage' })).toHaveLength(1)
    expect(await app.ok('projects.list', { region: 'asia' })).toHaveLength(1)
    expect(await app.ok('projects.list', { status: 'approved' })).toHaveLength(0)
    const breakdown = await app.ok('projects.breakdown', {})
    expect(breakdown.byCountry.map((r) => [r.key, r.projects])).toEqual(
      expect.arrayContaining([
        ['SN', 1],
        ['VN', 1],
      ]),
    )
    expect(dakar.openProjects).toBe(0)
  })

  it('prints a one-page project sheet in French, or in English on demand', async () => {
    const { project, action } = await setUp()
    await app.ok('agreements.nameProject', { agreementId: action.id, projectId: project.id })
    await app.ok('projects.addFinancingLine', {
      projectId: project.id,
      source: 'agreement',
      agreementId: action.id,
      amount: '100000',
      currency: 'EUR',
    })
    await approveAndSign(project.id)
    const planned = await app.ok('projects.get', { id: project.id })
    await app.ok('projects.commitFinancingLine', {
      confirmed: true,
      id: lineOf(planned, 'agreement').id,
      committedOn: '2026-04-02',
    })
    const withTranche = await app.ok('projects.addTranche', {
      projectId: project.id,
      plannedOn: '2026-05-01',
      amount: '40000',
    })
    await app.ok('projects.payTranche', {
      confirmed: true,
      id: withTranche.tranches[0]?.id ?? '',
      paidOn: '2026-05-02',
    })
    const detail = await app.ok('projects.addIndicator', {
      projectId: project.id,
      name: 'Ménages raccordés',
      level: 'output',
      measure: 'number',
      targetValue: '1000',
    })
    await app.ok('projects.addIndicatorValue', {
      indicatorId: detail.indicators[0]?.id ?? '',
      periodEnd: '2026-06-30',
      value: '250',
    })

    const text = async (language?: 'fr' | 'en') => {
      app.host.nextExportPath = join(app.folder, `fiche-${language ?? 'user'}.pdf`)
      const { path } = await app.ok('projects.exportSheet', { id: project.id, language })
      const { stdout } = await promisify(execFile)('pdftotext', ['-layout', path, '-'])
      return { stdout, pages: (stdout.match(/\f/g) ?? []).length }
    }
    const french = await text()
    expect(french.pages).toBe(1)
    expect(french.stdout).toContain('Fiche projet')
    expect(french.stdout).toContain(`${project.code} — Assainissement du quartier de la Médina`)
    expect(french.stdout).toContain('UE-ANE-2026')
    expect(french.stdout).toMatch(/Versé à la ville : 40 000,00 € sur 100 000,00 €/)
    expect(french.stdout).toContain('40,0 %')
    expect(french.stdout).toContain('Ménages raccordés')
    expect(french.stdout).toContain('25,0 %')
    const english = await text('en')
    expect(english.stdout).toContain('Project sheet')
    expect(english.stdout).toContain('Paid to the city: €40,000.00 of €100,000.00')
  })

  it('pays a tranche as chosen between the lines, and refuses a split that does not add up', async () => {
    const { project, action } = await setUp()
    await app.ok('agreements.nameProject', { agreementId: action.id, projectId: project.id })
    await app.ok('projects.addFinancingLine', {
      projectId: project.id,
      source: 'agreement',
      agreementId: action.id,
      amount: '100000',
      currency: 'EUR',
    })
    await app.ok('projects.addFinancingLine', {
      projectId: project.id,
      source: 'untied_fund',
      amount: '50000',
      currency: 'EUR',
    })
    let detail = await approveAndSign(project.id)
    for (const line of detail.plan.lines) {
      await app.ok('projects.commitFinancingLine', {
        confirmed: true,
        id: line.id,
        committedOn: '2026-04-02',
      })
    }
    detail = await app.ok('projects.addTranche', {
      projectId: project.id,
      plannedOn: '2026-05-01',
      amount: '30000',
    })
    const tranche = detail.tranches[0]?.id ?? ''
    const eu = lineOf(detail, 'agreement').id
    const untied = lineOf(detail, 'untied_fund').id
    const short = await app.call('projects.payTranche', {
      confirmed: true,
      id: tranche,
      paidOn: '2026-05-02',
      split: [
        { lineId: eu, amount: '10000' },
        { lineId: untied, amount: '10000' },
      ],
    })
    expect(short.ok).toBe(false)
    if (!short.ok) expect(short.error.fields?.[0]?.path).toBe('split')
    // All from the untied fund, the EU action kept for later.
    const paid = await app.ok('projects.payTranche', {
      confirmed: true,
      id: tranche,
      paidOn: '2026-05-02',
      split: [
        { lineId: eu, amount: '0' },
        { lineId: untied, amount: '30000' },
      ],
    })
    expect(lineOf(paid, 'agreement').disbursed).toBe(0)
    expect(lineOf(paid, 'untied_fund').disbursed).toBe(3_000_000)
  })
})
