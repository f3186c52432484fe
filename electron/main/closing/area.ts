import { defineArea } from '../area'
import { closingProblems } from './closing-invariants'
import type { HandlersOf } from '../ipc/handler'
import { requireConfirmation } from '../failure'
import { closingStatement } from './closing-statement'
import {
  addContribution,
  cancelContribution,
  closeAgreement,
  closingPreview,
  reopenAgreement,
} from './closing-service'
import { money } from '@shared/money/money'
import type { CurrencyCode } from '@shared/money/currencies'

/** The closing area: an agreement's closing statement, its co-financing, closing and reopening. */
export const closingArea = defineArea({
  name: 'closing',
  services: undefined,
  handlers: (core): HandlersOf<'closing'> => ({
    'closing.statement': async ({ agreementId }) =>
      closingStatement(core.requireSession().file.db, agreementId),
    'closing.addContribution': async (input) => {
      const { file } = core.requireSession()
      return closingStatement(file.db, await addContribution(file, input, core.author()))
    },
    'closing.cancelContribution': async ({ id, reason }) => {
      const { file } = core.requireSession()
      return closingStatement(file.db, await cancelContribution(file, id, reason, core.author()))
    },
    // The user sees the final amount and the refund before anything is written.
    'closing.close': async (input) => {
      const { file, rates } = core.requireSession()
      const { head, figures } = await closingPreview(file, input.agreementId)
      const currency = head.currency as CurrencyCode
      requireConfirmation(
        [
          {
            path: 'closedOn',
            key: 'closing.confirm',
            params: {
              finalDue: money(figures.finalDue, currency),
              refund: money(figures.refund, currency),
              stillToReceive: money(figures.stillToReceive, currency),
            },
          },
        ],
        input.confirmed,
      )
      return closingStatement(file.db, await closeAgreement(file, rates, input, core.author()))
    },
    'closing.reopen': async ({ id, reason }) => {
      const { file } = core.requireSession()
      return closingStatement(file.db, await reopenAgreement(file, id, reason, core.author()))
    },
  }),
  registers: [],
  invariants: [closingProblems],
})
