import { defineArea } from '../area'
import { reportsHandlers } from './reports-handlers'

/** The reports area: the handlers of its channels (shared/reports/channels.ts). */
export const reportsArea = defineArea<'reports'>({
  name: 'reports',
  handlers: reportsHandlers,
})
