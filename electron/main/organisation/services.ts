import { type ProvidedBy, defineServices } from '../app/area-services'
import { OrganisationService } from './organisation-service'

/** What the organisation area adds to the session. */
export const organisationServices = defineServices(({ file }) => ({
  organisation: new OrganisationService(file),
}))

declare module '../app/session' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- what the area adds
  interface SessionServices extends ProvidedBy<typeof organisationServices> {}
}
