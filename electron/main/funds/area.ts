import { defineArea } from '../area'
import { ledgerProblems } from '../check/ledger-invariants'
import { overheadProblems } from './overhead/overhead-invariants'
import { registersOf } from '../workbook/register-order'
import { rates } from './registers/rates'
import { agreements, amendments } from './registers/agreements'
import { calendar, instalments } from './registers/instalments'
import { otherIncome, receipts } from './registers/receipts'
import { headings } from './registers/headings'
import { fundsServices } from './services'
import type { HandlersOf } from '../ipc/handler'
import {
  ratesHandlers,
  agreementsHandlers,
  receiptsHandlers,
  fundsHandlers,
} from './funds-handlers'

/** The funds area: the handlers of its channels (shared/funds/channels.ts), its registers. */
export const fundsArea = defineArea({
  name: 'funds',
  services: fundsServices,
  handlers: (core): HandlersOf<'rates' | 'agreements' | 'receipts' | 'funds'> => ({
    ...ratesHandlers(core),
    ...agreementsHandlers(core),
    ...receiptsHandlers(core),
    ...fundsHandlers(core),
  }),
  registers: registersOf(
    rates,
    agreements,
    amendments,
    instalments,
    calendar,
    receipts,
    otherIncome,
    headings,
  ),
  invariants: [ledgerProblems, overheadProblems],
})
