import type { DataFile } from '../db/data-file'
import { FundersService } from '../funders/funders-service'
import { OrganisationService, AIMF_ORGANISATION } from '../organisation/organisation-service'
import { DEMO_FUNDERS } from './demo-funders'

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
}
