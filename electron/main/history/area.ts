import { defineArea } from '../area'
import { historyServices } from './services'
import { historyHandlers } from './history-handlers'

/** The history area: the handlers of its channels (shared/history/channels.ts). */
export const historyArea = defineArea({
  name: 'history',
  services: historyServices,
  handlers: historyHandlers,
  registers: [],
  invariants: [],
})
