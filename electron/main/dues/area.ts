import { defineArea } from '../area'
import { duesLedgerProblems } from '../check/ledger-invariants'
import { registersOf } from '../workbook/register-order'
import { calls, overrides, payments, scale } from './dues-registers'
import { duesServices } from './services'
import type { HandlersOf } from '../ipc/handler'
import { duesHandlers } from './dues-handlers'
import { lettersHandlers } from './letters-handlers'

/** The dues area: the handlers of its channels (shared/dues/channels.ts), its registers. */
export const duesArea = defineArea({
  name: 'dues',
  services: duesServices,
  handlers: (core): HandlersOf<'dues' | 'letters'> => ({
    ...duesHandlers(core),
    ...lettersHandlers(core),
  }),
  registers: registersOf(calls, payments, scale, overrides),
  invariants: [duesLedgerProblems],
})
