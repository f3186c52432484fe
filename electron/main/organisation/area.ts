import { defineArea } from '../area'
import { organisationServices } from './services'
import { organisationHandlers } from './organisation-handlers'

/** The organisation area: the handlers of its channels (shared/organisation/channels.ts). */
export const organisationArea = defineArea({
  name: 'organisation',
  services: organisationServices,
  handlers: organisationHandlers,
  registers: [],
  invariants: [],
})
