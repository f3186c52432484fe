import type { DataFile } from '../db/data-file'
import { FundersService } from '../funders/funders-service'
import { OrganisationService, AIMF_ORGANISATION } from '../organisation/organisation-service'
import { DEMO_FUNDERS } from './demo-funders'
import { DEMO_AGREEMENTS, DEMO_RATES, type DemoAgreement } from './demo-funds'
import { createSession } from '../app/create-session'
import type { Session } from '../app/session'
import type { Funder } from '@shared/funders/schema'
import type { Agreement } from '@shared/funds/schema'
import type { ProjectStatus } from '@shared/projects/schema'
import { buildDemoBudget } from './demo-budget'
import { buildDemoDues } from './demo-dues'
import { DEMO_MEMBERS } from './demo-members'
import { DEMO_PROJECTS } from './demo-projects'
import { bureauMeetingOf, type DemoProject } from './projects/demo-project'

const DEMO_RATE_SOURCE = 'BCE, moyenne annuelle arrondie (démonstration)'

/** The author stamped on every change of the demo data. */
export const DEMO_AUTHOR = 'Démonstration'

/**
 * Fills a new file with the demo data. Each area adds its own records here, through its
 * service, so the demo obeys the same rules as a user's input.
 */
export async function buildDemo(file: DataFile): Promise<void> {
  await file.fill(() => fillDemo(file))
}

async function fillDemo(file: DataFile): Promise<void> {
  const organisation = new OrganisationService(file)
  await organisation.update(
    {
      name: AIMF_ORGANISATION.name,
      address: AIMF_ORGANISATION.address,
      email: AIMF_ORGANISATION.email,
      website: AIMF_ORGANISATION.website,
    },
    DEMO_AUTHOR,
  )
  const funders = new FundersService(file)
  for (const fields of DEMO_FUNDERS) await funders.create(fields, DEMO_AUTHOR)
  await buildDemoFunds(file, await funders.list())
  await buildDemoProjects(file)
}

/** Members, then projects taken along their lifecycle with their plans, tranches and results. */
async function buildDemoProjects(file: DataFile): Promise<void> {
  const session = createSession(file)
  const members = new Map<string, string>()
  for (const member of DEMO_MEMBERS) {
    const created = await session.members.create(
      {
        code: member.code,
        kind: member.kind,
        name: member.name,
        country: member.country,
        region: null,
        population: member.population ?? null,
        populationYear: member.populationYear ?? null,
        leaderName: null,
        leaderCivility: null,
        address: null,
        email: null,
        phone: null,
        joinedOn: member.joinedOn ?? null,
        status: 'active',
        statusOn: null,
        statusReason: null,
        notes: null,
      },
      DEMO_AUTHOR,
    )
    members.set(member.code, created.id)
  }
  const agreements = await session.agreements.list({})
  for (const demo of DEMO_PROJECTS) await buildDemoProject(session, demo, members, agreements)
  await buildDemoDues(session, DEMO_AUTHOR)
  await buildDemoBudget(session, DEMO_AUTHOR)
}

async function buildDemoProject(
  session: Session,
  demo: DemoProject,
  members: Map<string, string>,
  agreements: Agreement[],
): Promise<void> {
  const memberId = members.get(demo.member)
  if (!memberId) throw new Error(`Demo member ${demo.member} is missing`)
  const project = await session.projects.create(
    {
      code: demo.code,
      title: demo.title,
      titleEn: demo.titleEn ?? null,
      memberId,
      region: null,
      sectorCode: demo.sector,
      programme: demo.programme,
      nature: 'investment',
      currency: demo.currency,
      totalCost: demo.cost,
      startsOn: demo.startsOn,
      endsOn: demo.endsOn,
      objectives: demo.objectives ?? null,
      descriptionEn: null,
      description: null,
      contactName: null,
      contactEmail: null,
      contactPhone: null,
    },
    DEMO_AUTHOR,
  )
  for (const [source, name, amount, headingCode] of demo.lines) {
    const agreement = source === 'agreement' ? agreements.find((a) => a.reference === name) : null
    if (source === 'agreement' && !agreement) throw new Error(`Demo agreement ${name} is missing`)
    if (agreement?.earmarking === 'projects') {
      await session.financing.nameProject(agreement.id, project.id, DEMO_AUTHOR)
    }
    await session.financing.addLine(
      {
        projectId: project.id,
        source,
        agreementId: agreement?.id ?? null,
        partnerName: source === 'partner' ? name : null,
        headingCode: headingCode ?? null,
        amount,
        currency: demo.currency,
        note: null,
      },
      DEMO_AUTHOR,
    )
  }
  // Indicators are set while the project is open; their values may come later.
  for (const indicator of demo.indicators ?? []) {
    const { indicators } = await session.indicators
      .add(
        {
          projectId: project.id,
          name: indicator.name,
          level: indicator.level,
          measure: indicator.measure,
          unit: indicator.unit ?? null,
          baselineValue: indicator.baseline ?? null,
          baselineOn: indicator.baseline === undefined ? null : demo.startsOn,
          targetValue: indicator.target,
          targetOn: demo.endsOn,
        },
        DEMO_AUTHOR,
      )
      .then((id) => session.projects.get(id))
    const added = indicators.at(-1)
    for (const [periodEnd, value] of indicator.values ?? []) {
      if (!added) break
      await session.indicators.addValue(
        { indicatorId: added.id, periodEnd, value, comment: null },
        DEMO_AUTHOR,
      )
    }
  }
  const move = (to: ProjectStatus, onDate: string) =>
    session.projects.transition(
      {
        projectId: project.id,
        to,
        onDate,
        note: null,
        bureauMeeting: to === 'approved' ? bureauMeetingOf(onDate) : null,
        reason: to === 'abandoned' ? (demo.abandonReason ?? null) : null,
        overrideReason: null,
      },
      DEMO_AUTHOR,
    )
  for (const [status, onDate] of demo.path) {
    if (status === 'completed' || status === 'closed')
      await payDemoTranches(session, project.id, demo)
    await move(status, onDate)
    if (status === 'approved') {
      const { plan } = await session.projects.get(project.id)
      for (const line of plan.lines) {
        if (line.source === 'agreement' || line.source === 'untied_fund') {
          await session.financing.commitLine(line.id, onDate, DEMO_AUTHOR)
        }
      }
    }
    if (status === 'agreement_signed') await addDemoTranches(session, project.id, demo)
  }
  if (!demo.path.some(([status]) => status === 'completed' || status === 'abandoned')) {
    await payDemoTranches(session, project.id, demo)
  }
  for (const [spentOn, supplier, description, amount] of demo.expenses ?? []) {
    await session.projectExpenses.add(
      {
        projectId: project.id,
        spentOn,
        supplier,
        description,
        amount,
        currency: demo.currency,
        agreementId: null,
        headingCode: null,
        document: null,
      },
      DEMO_AUTHOR,
    )
  }
}

async function addDemoTranches(session: Session, projectId: string, demo: DemoProject) {
  for (const tranche of demo.tranches ?? []) {
    await session.tranches.add(
      {
        projectId,
        plannedOn: tranche.on,
        amount: tranche.amount,
        condition: tranche.condition ?? null,
      },
      DEMO_AUTHOR,
    )
  }
}

/** Pays the demo tranches that have a payment date and are not paid yet, in order. */
async function payDemoTranches(session: Session, projectId: string, demo: DemoProject) {
  const { tranches, status } = await session.projects.get(projectId)
  if (status === 'agreement_signed' && (demo.tranches ?? []).some((t) => t.paidOn)) {
    throw new Error(`Demo project ${demo.code} pays before it is under way`)
  }
  for (const [index, planned] of (demo.tranches ?? []).entries()) {
    const tranche = tranches[index]
    if (!tranche || tranche.status === 'paid') continue
    if (planned.metOn) await session.tranches.conditionMet(tranche.id, planned.metOn, DEMO_AUTHOR)
    if (!planned.paidOn) continue
    await session.tranches.pay(
      {
        id: tranche.id,
        paidOn: planned.paidOn,
        amount: null,
        bankReference: `VIR-${planned.paidOn.replaceAll('-', '')}`,
        overrideReason: null,
        split: null,
      },
      DEMO_AUTHOR,
    )
  }
}

async function buildDemoFunds(file: DataFile, funders: Funder[]): Promise<void> {
  const session = createSession(file)
  for (const { currency, year, rate } of DEMO_RATES) {
    await session.rates.add(
      { currency, rateDate: `${year}-01-01`, rate, source: DEMO_RATE_SOURCE },
      DEMO_AUTHOR,
    )
  }
  for (const demo of DEMO_AGREEMENTS) {
    const funder = funders.find((f) => f.acronym === demo.funder || f.name === demo.funder)
    if (!funder) throw new Error(`Demo funder ${demo.funder} is missing`)
    const agreement = await session.agreements.create(
      { ...demo.fields, funderId: funder.id, notes: demo.fields.notes ?? null },
      DEMO_AUTHOR,
    )
    for (const receipt of demo.receipts) {
      await session.receipts.add(
        {
          agreementId: agreement.id,
          receivedOn: receipt.on,
          amount: receipt.amount,
          rate: null,
          bankReference: null,
          note: null,
        },
        DEMO_AUTHOR,
      )
    }
    await buildDemoTerms(session, agreement.id, demo)
  }
}

/** The reporting calendar, the funder's schedule and the EU headings of a demo agreement. */
async function buildDemoTerms(
  session: Session,
  agreementId: string,
  demo: DemoAgreement,
): Promise<void> {
  for (const instalment of demo.instalments ?? []) {
    await session.terms.addInstalment(
      { agreementId, expectedOn: instalment.on, amount: instalment.amount, note: null },
      DEMO_AUTHOR,
    )
  }
  for (const report of demo.reports ?? []) {
    await session.terms.addReport(
      {
        agreementId,
        kind: report.kind,
        dueOn: report.due,
        periodFrom: report.from,
        periodTo: report.to,
        note: null,
      },
      DEMO_AUTHOR,
    )
  }
  const reports = await session.terms.reports(agreementId)
  for (const [index, report] of (demo.reports ?? []).entries()) {
    const id = reports[index]?.id
    if (id && report.status !== 'to_prepare') {
      await session.terms.setReportStatus(
        { id, status: report.status, sentOn: report.sent ?? null },
        DEMO_AUTHOR,
      )
    }
  }
  if (demo.euHeadings) {
    await session.terms.applyTemplate(agreementId, 'eu', 'fr', DEMO_AUTHOR)
    const { headings } = await session.terms.budget(agreementId)
    await session.terms.saveHeadings(
      agreementId,
      headings.map((h, i) => ({
        code: h.code,
        label: h.label,
        role: h.role,
        amount: demo.euHeadings?.[i] ?? '0',
      })),
      DEMO_AUTHOR,
    )
  }
}
