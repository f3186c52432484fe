import { defineServices } from '../app/area-services'
import { OrganisationService } from './organisation-service'

/** What the organisation area adds to the session. */
export const organisationServices = defineServices(({ file }) => ({
  organisation: new OrganisationService(file),
}))
