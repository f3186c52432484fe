import { defineArea } from '../area'
import { booksProblems } from './accounting-invariants'
import { accountingServices } from './services'
import { accountingHandlers } from './accounting-handlers'

/** The accounting area: the handlers of its channels (shared/accounting/channels.ts). */
export const accountingArea = defineArea({
  name: 'accounting',
  services: accountingServices,
  handlers: accountingHandlers,
  registers: [],
  invariants: [booksProblems],
})
