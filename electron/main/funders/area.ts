import { defineArea } from '../area'
import { fundersHandlers } from './funders-handlers'

/** The funders area: the handlers of its channels (shared/funders/channels.ts). */
export const fundersArea = defineArea<'funders'>({
  name: 'funders',
  handlers: fundersHandlers,
})
