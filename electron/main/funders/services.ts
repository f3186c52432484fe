import { defineServices } from '../app/area-services'
import { FundersService } from './funders-service'

/** What the funders area adds to the session. */
export const fundersServices = defineServices(({ file }) => ({
  funders: new FundersService(file),
}))
