import { defineArea } from '../area'
import { registersOf } from '../workbook/register-order'
import { funders } from './funders-register'
import { fundersServices } from './services'
import { fundersHandlers } from './funders-handlers'

/** The funders area: the handlers of its channels (shared/funders/channels.ts), its registers. */
export const fundersArea = defineArea({
  name: 'funders',
  services: fundersServices,
  handlers: fundersHandlers,
  registers: registersOf(funders),
  invariants: [],
})
