import { today } from '@shared/validation/dates'
import type { HandlerFactory } from '../ipc/handler'
import { requireConfirmation } from '../failure'
import { duesPaymentWarnings } from '../plausibility/money-checks'

export const duesHandlers: HandlerFactory<'dues'> = (core) => {
  const session = () => core.requireSession()
  const author = () => core.author()
  return {
    'dues.scale': async ({ year }) => session().duesScale.get(year),
    'dues.saveScale': async (input) => session().duesScale.save(input, author()),
    'dues.copyScale': async ({ fromYear, toYear }) =>
      session().duesScale.copy(fromYear, toYear, author()),
    'dues.setOverride': async (input) => session().duesScale.setOverride(input, author()),
    'dues.removeOverride': async ({ id }) => session().duesScale.removeOverride(id, author()),
    'dues.previewCalls': async (run) => session().duesCalls.preview(run),
    'dues.generateCalls': async (run) => ({
      created: await session().duesCalls.generate(run, author()),
    }),
    'dues.calls': async (filter) => session().duesCalls.list(filter),
    'dues.changeCallAmount': async ({ id, amount, reason }) =>
      session().duesCalls.changeAmount(id, amount, reason, author()),
    'dues.cancelCall': async ({ id, reason }) =>
      session().duesCalls.cancel(id, reason, today(), author()),
    'dues.payments': async ({ year }) => session().dues.payments(year),
    'dues.addPayment': async (input) => {
      requireConfirmation(await duesPaymentWarnings(session(), input, today()), input.confirmed)
      return session().duesPayments.add(input, author())
    },
    'dues.cancelPayment': async ({ id, reason }) =>
      session().dues.account(await session().duesPayments.cancel(id, reason, author())),
    'dues.summary': async ({ year }) => session().dues.summary(year),
    'dues.settings': async () => session().dues.settings(),
    'dues.updateSettings': async (input) => session().dues.updateSettings(input, author()),
  }
}
