import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { app, setUp, approveAndSign, checkedFile, financeFromAction, lineOf } from './project-setup'

describe('projects, followed up', () => {
  it('returns unpaid commitments to their funds when a project is abandoned', async () => {
    const { project, action } = await setUp()
    let detail = await financeFromAction(project.id, action.id)
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
    await financeFromAction(project.id, action.id)
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
    await financeFromAction(project.id, action.id, '50000')
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
