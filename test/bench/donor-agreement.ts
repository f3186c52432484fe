import type { Session } from '../../electron/main/app/session'

const AUTHOR = 'Banc d’essai'

/**
 * An EU agreement with headings financing 200 projects, each committed, paid a first tranche and
 * given an indicator: the agreement of the donor-report benchmark. Returns its id.
 */
export async function fillAgreementWith200Projects(session: Session): Promise<string> {
  const funder = await session.funders.create(
    {
      name: 'Union européenne',
      acronym: 'UE',
      kind: 'multilateral',
      country: 'BE',
      defaultCurrency: 'EUR',
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      notes: null,
    },
    AUTHOR,
  )
  const agreement = await session.agreements.create(
    {
      funderId: funder.id,
      reference: 'UE-BENCH-2025',
      title: 'Action de référence',
      signedOn: '2024-12-15',
      startsOn: '2025-01-01',
      endsOn: '2027-12-31',
      currency: 'EUR',
      amount: '20000000',
      earmarking: 'programme',
      programme: null,
      programmeCode: 'local_governance',
      nature: 'investment',
      operatingSharePercent: null,
      cofinancingPercent: null,
      indirectCostMaxPercent: null,
      notes: null,
    },
    AUTHOR,
  )
  await session.terms.saveHeadings(
    agreement.id,
    [
      { code: '1', label: 'Ressources humaines', role: 'direct', amount: '2000000' },
      { code: '6', label: 'Subventions aux villes', role: 'direct', amount: '16000000' },
      { code: '8', label: 'Coûts indirects', role: 'indirect', amount: '1260000' },
    ],
    AUTHOR,
  )
  for (let n = 1; n <= 200; n += 1) {
    const member = await session.members.create(
      {
        code: `M-${String(n).padStart(4, '0')}`,
        kind: 'city',
        name: `Ville ${n}`,
        country: 'SN',
        region: null,
        population: null,
        populationYear: null,
        leaderName: null,
        leaderCivility: null,
        address: null,
        email: null,
        phone: null,
        joinedOn: null,
        status: 'active',
        statusOn: null,
        statusReason: null,
        notes: null,
      },
      AUTHOR,
    )
    let project = await session.projects.create(
      {
        code: null,
        title: `Projet de gouvernance locale n° ${n}`,
        titleEn: `Local governance project no. ${n}`,
        descriptionEn: null,
        memberId: member.id,
        region: null,
        sectorCode: '15112',
        programme: 'local_governance',
        nature: 'investment',
        currency: 'EUR',
        totalCost: '80000',
        startsOn: '2025-01-01',
        endsOn: '2026-12-31',
        objectives: null,
        description: null,
        contactName: null,
        contactEmail: null,
        contactPhone: null,
      },
      AUTHOR,
    )
    const id = project.id
    await session.financing.addLine(
      {
        projectId: id,
        source: 'agreement',
        agreementId: agreement.id,
        partnerName: null,
        headingCode: '6',
        amount: '80000',
        currency: 'EUR',
        note: null,
      },
      AUTHOR,
    )
    for (const [to, onDate] of [
      ['approved', '2025-01-10'],
      ['agreement_signed', '2025-01-20'],
      ['in_progress', '2025-02-01'],
    ] as const) {
      await session.projects.transition(
        {
          projectId: id,
          to,
          onDate,
          note: null,
          bureauMeeting: 'Bureau 2025',
          reason: null,
          overrideReason: null,
        },
        AUTHOR,
      )
    }
    project = await session.projects.get(id)
    for (const line of project.plan.lines)
      await session.financing.commitLine(line.id, '2025-02-01', AUTHOR)
    await session.tranches.add(
      { projectId: id, plannedOn: '2025-03-01', amount: '40000', condition: null },
      AUTHOR,
    )
    project = await session.projects.get(id)
    const tranche = project.tranches[0]
    if (tranche) {
      await session.tranches.pay(
        {
          id: tranche.id,
          paidOn: '2025-03-15',
          amount: null,
          bankReference: null,
          overrideReason: null,
          split: null,
        },
        AUTHOR,
      )
    }
    await session.indicators.add(
      {
        projectId: id,
        name: 'Agents formés',
        level: 'output',
        measure: 'number',
        unit: 'agents',
        baselineValue: '0',
        baselineOn: '2025-01-01',
        targetValue: '40',
        targetOn: '2026-12-31',
      },
      AUTHOR,
    )
  }
  return agreement.id
}
