import { defineArea } from '../area'
import { reportsHandlers } from './reports-handlers'

/** The reports area: the handlers of its channels (shared/reports/channels.ts). */
export const reportsArea = defineArea({
  name: 'reports',
  services: undefined,
  handlers: reportsHandlers,
  registers: [],
  invariants: [],
})
