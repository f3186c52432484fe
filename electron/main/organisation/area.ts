import { defineArea } from '../area'
import { organisationHandlers } from './organisation-handlers'

/** The organisation area: the handlers of its channels (shared/organisation/channels.ts). */
export const organisationArea = defineArea<'organisation'>({
  name: 'organisation',
  handlers: organisationHandlers,
})
