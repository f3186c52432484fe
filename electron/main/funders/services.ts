import { type ProvidedBy, defineServices } from '../app/area-services'
import { FundersService } from './funders-service'

/** What the funders area adds to the session. */
export const fundersServices = defineServices(({ file }) => ({
  funders: new FundersService(file),
}))

declare module '../app/session' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- what the area adds
  interface SessionServices extends ProvidedBy<typeof fundersServices> {}
}
