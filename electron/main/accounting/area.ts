import { defineArea } from '../area'
import { accountingHandlers } from './accounting-handlers'

/** The accounting area: the handlers of its channels (shared/accounting/channels.ts). */
export const accountingArea = defineArea<'accounting'>({
  name: 'accounting',
  handlers: accountingHandlers,
})
