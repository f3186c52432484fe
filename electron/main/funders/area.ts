import { defineArea } from '../area'
import { fundersServices } from './services'
import { fundersHandlers } from './funders-handlers'

/** The funders area: the handlers of its channels (shared/funders/channels.ts). */
export const fundersArea = defineArea({
  name: 'funders',
  services: fundersServices,
  handlers: fundersHandlers,
})
