import type { DataFile } from '../db/data-file'
import { FundersService } from '../funders/funders-service'
import { OrganisationService, AIMF_ORGANISATION } from '../organisation/organisation-service'
import { DEMO_FUNDERS } from './demo-funders'
import { DEMO_AGREEMENTS, DEMO_RATES, type DemoAgreement } from './demo-funds'
import { type Session, createSession } from '../app/app-core'
import type { Funder } from '../../../shared/funders/schema'

const DEMO_RATE_SOURCE = 'BCE, moyenne annuelle arrondie (démonstration)'

/** The author stamped on every change of the demo data. */
export const DEMO_AUTHOR = 'Démonstration'

/**
 * Fills a new file with the demo data. Each area adds its own records here, through its
 * service, so the demo obeys the same rules as a user's input.
 */
export async function buildDemo(file: DataFile): Promise<void> {
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
