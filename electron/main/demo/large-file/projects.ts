import type { CountryCode } from '@shared/geo/countries'
import type { CurrencyCode } from '@shared/money/currencies'
import { DEFAULT_PROGRAMME_CODES as PROGRAMMES } from '@shared/programmes/schema'
import { PER_YEAR, SECTORS_BY_PROGRAMME } from './volumes'
import { GENERATED_AUTHOR, type LargeFileRun } from './run'

/**
 * Each year's projects: approved in the spring, financed by a programme-tied agreement of
 * their programme when one has room, the untied fund and the city; paid in three tranches;
 * the city's justified expenses; two indicators with their yearly values. Projects older than
 * three years are closed; a few are abandoned.
 */
export async function generateProjects(
  run: LargeFileRun,
  members: { id: string; country: CountryCode }[],
): Promise<void> {
  const total = PER_YEAR.projects * run.options.years
  for (let year = run.firstYear; year <= run.options.lastYear; year += 1) {
    for (let n = 0; n < PER_YEAR.projects; n += 1) {
      run.progress('projects', run.counts.projects, total)
      await project(run, year, run.pick(members).id)
    }
  }
}

async function project(run: LargeFileRun, year: number, memberId: string): Promise<void> {
  const approvedOn = run.day(year, 2, 5)
  const programme = run.pick(PROGRAMMES)
  const costMajor = run.int(5, 40) * 10_000
  const agreement = run.tied.find(
    (a) =>
      a.programme === programme &&
      a.currency === 'EUR' &&
      a.startsOn <= approvedOn &&
      a.endsOn >= `${year + 2}-12-31` &&
      a.free >= costMajor * 60,
  )
  const currency: CurrencyCode = 'EUR'
  const startsOn = approvedOn
  const endsOn = `${year + 2}-${approvedOn.slice(5)}`
  const project = await run.session.projects.create(
    {
      code: null,
      title: `Projet ${programme} — ${year}`,
      titleEn: null,
      descriptionEn: null,
      memberId,
      region: null,
      sectorCode: run.pick(SECTORS_BY_PROGRAMME[programme]),
      programme,
      nature: 'investment',
      currency,
      totalCost: String(costMajor),
      startsOn,
      endsOn,
      objectives: null,
      description: null,
      contactName: null,
      contactEmail: null,
      contactPhone: null,
    },
    GENERATED_AUTHOR,
  )
  run.counts.projects += 1
  const tiedMajor = agreement ? Math.round(costMajor * 0.6) : 0
  const untiedMajor = Math.round(costMajor * (agreement ? 0.15 : 0.2))
  const cityMajor = costMajor - tiedMajor - untiedMajor
  const lines: [source: 'agreement' | 'untied_fund' | 'city_cash', amount: number][] = [
    ['untied_fund', untiedMajor],
    ['city_cash', cityMajor],
  ]
  if (agreement) lines.unshift(['agreement', tiedMajor])
  for (const [source, amount] of lines) {
    await run.session.financing.addLine(
      {
        projectId: project.id,
        source,
        agreementId: source === 'agreement' ? (agreement?.id ?? null) : null,
        partnerName: null,
        headingCode: null,
        amount: String(amount),
        currency,
        note: null,
      },
      GENERATED_AUTHOR,
    )
  }
  if (agreement) agreement.free -= tiedMajor * 100
  for (const [name, unit, target] of [
    ['Personnes desservies', 'personnes', run.int(2, 80) * 1000],
    ['Agents municipaux formés', 'agents', run.int(10, 120)],
  ] as const) {
    await run.session.indicators.add(
      {
        projectId: project.id,
        name,
        level: unit === 'agents' ? 'output' : 'outcome',
        measure: 'number',
        unit,
        baselineValue: '0',
        baselineOn: startsOn,
        targetValue: String(target),
        targetOn: endsOn,
      },
      GENERATED_AUTHOR,
    )
  }
  const move = (to: 'approved' | 'agreement_signed' | 'in_progress', onDate: string) =>
    run.session.projects.transition(
      {
        projectId: project.id,
        to,
        onDate,
        note: null,
        bureauMeeting: to === 'approved' ? `Bureau ${year}` : null,
        reason: null,
        overrideReason: null,
      },
      GENERATED_AUTHOR,
    )
  await move('approved', approvedOn)
  let detail = await run.session.projects.get(project.id)
  for (const line of detail.plan.lines) {
    if (line.source === 'agreement' || line.source === 'untied_fund') {
      await run.session.financing.commitLine(line.id, approvedOn, GENERATED_AUTHOR)
    }
  }
  if (run.random() < 0.04) {
    await run.session.projects.transition(
      {
        projectId: project.id,
        to: 'abandoned',
        onDate: `${year}-09-30`,
        note: null,
        bureauMeeting: null,
        reason: 'La commune a renoncé au projet',
        overrideReason: null,
      },
      GENERATED_AUTHOR,
    )
    return
  }
  const signedOn = `${year}-06-15`
  await move('agreement_signed', signedOn)
  const aimfMajor = tiedMajor + untiedMajor
  const shares = [0.4, 0.4]
  const planned = [`${year}-07-01`, `${year + 1}-07-01`, `${year + 2}-03-01`]
  const amounts = shares.map((share) => Math.round(aimfMajor * share))
  amounts.push(aimfMajor - amounts.reduce((a, b) => a + b, 0))
  for (const [i, amount] of amounts.entries()) {
    await run.session.tranches.add(
      {
        projectId: project.id,
        plannedOn: planned[i] ?? signedOn,
        amount: String(amount),
        condition: null,
      },
      GENERATED_AUTHOR,
    )
  }
  await move('in_progress', `${year}-07-01`)
  detail = await run.session.projects.get(project.id)
  const lastDay = `${run.options.lastYear}-12-31`
  let paidMajor = 0
  for (const tranche of detail.tranches) {
    if (tranche.plannedOn > lastDay) break
    await run.session.tranches.pay(
      {
        id: tranche.id,
        paidOn: tranche.plannedOn,
        amount: null,
        bankReference: `VIR-${tranche.plannedOn.replaceAll('-', '')}`,
        overrideReason: null,
        split: null,
      },
      GENERATED_AUTHOR,
    )
    paidMajor += Number(tranche.amount) / 100
  }
  await projectExpenses(run, project.id, year, paidMajor + cityMajor, lastDay)
  for (const indicator of detail.indicators) {
    for (let k = 1; k <= 2 && year + k <= run.options.lastYear; k += 1) {
      await run.session.indicators.addValue(
        {
          indicatorId: indicator.id,
          periodEnd: `${year + k}-06-30`,
          value: String(Math.round((Number(indicator.targetValue) * k) / 3)),
          comment: null,
        },
        GENERATED_AUTHOR,
      )
    }
  }
  if (year + 3 <= run.options.lastYear) {
    for (const [to, onDate] of [
      ['completed', `${year + 2}-09-30`],
      ['closed', `${year + 3}-03-31`],
    ] as const) {
      await run.session.projects.transition(
        {
          projectId: project.id,
          to,
          onDate,
          note: null,
          bureauMeeting: null,
          reason: null,
          overrideReason: null,
        },
        GENERATED_AUTHOR,
      )
    }
  }
}

/** The city's expenses, spread over the project's months up to the last day of history. */
async function projectExpenses(
  run: LargeFileRun,
  projectId: string,
  year: number,
  totalMajor: number,
  lastDay: string,
): Promise<void> {
  const count = PER_YEAR.expensesPerProject
  const each = Math.max(1, Math.floor(totalMajor / count))
  const suppliers = ['Entreprise BTP', 'Cabinet d’études', 'Fournitures SA', 'ONG locale']
  for (let i = 0; i < count; i += 1) {
    const spentOn = run.day(year + Math.floor(i / 12), 1, 12)
    if (spentOn > lastDay) break
    await run.session.projectExpenses.add(
      {
        projectId,
        spentOn,
        supplier: run.pick(suppliers),
        description: `Dépense justifiée n° ${i + 1}`,
        amount: String(each),
        currency: 'EUR',
        agreementId: null,
        headingCode: null,
        document: null,
      },
      GENERATED_AUTHOR,
    )
    run.counts.projectExpenses += 1
  }
}
