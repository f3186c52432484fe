import { defineArea } from '../area'
import { programmeProblems } from './programme-invariants'
import { registersOf } from '../workbook/register-order'
import { programmes } from './programmes-register'
import { programmesServices } from './services'
import { programmesHandlers } from './programmes-handlers'

/**
 * The programmes area: the handlers of its channels (shared/programmes/channels.ts), its
 * registers.
 */
export const programmesArea = defineArea({
  name: 'programmes',
  services: programmesServices,
  handlers: programmesHandlers,
  registers: registersOf(programmes),
  invariants: [programmeProblems],
})
