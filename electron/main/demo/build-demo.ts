import type { DataFile } from '../db/data-file'
import { FundersService } from '../funders/funders-service'
import { OrganisationService, AIMF_ORGANISATION } from '../organisation/organisation-service'
import { DEMO_FUNDERS } from './demo-funders'
import { DEMO_AGREEMENTS, DEMO_RATES } from './demo-funds'
import { createSession } from '../app/app-core'
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
  }
}
