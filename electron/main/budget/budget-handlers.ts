import type { HandlerFactory } from '../ipc/handler'
import { requireConfirmation } from '../failure'
import { budgetExpenseWarnings } from '../plausibility/money-checks'
import { headingChargeWarnings, sharesHeadingWarnings } from '../plausibility/agreement-checks'
import { today } from '@shared/validation/dates'

export const budgetHandlers: HandlerFactory<'budget'> = (core) => {
  const session = () => core.requireSession()
  const budget = () => core.requireSession().budget
  const expenses = () => core.requireSession().budgetExpenses
  const keys = () => core.requireSession().sharingKeys
  const view = (versionId: string) => budget().view(versionId, null)
  const yearOf = async (expenseYear: number) => expenses().list(expenseYear)
  return {
    'budget.versions': async () => budget().versions(),
    'budget.create': async ({ year }) => view(await budget().create(year, core.author())),
    'budget.copyToYear': async ({ fromVersionId, year }) =>
      view(await budget().copyToYear(fromVersionId, year, core.author())),
    'budget.revise': async ({ versionId }) => view(await budget().revise(versionId, core.author())),
    'budget.adopt': async ({ versionId, adoptedOn }) =>
      view(await budget().adopt(versionId, adoptedOn, core.author())),
    'budget.setCurrent': async ({ versionId }) =>
      view(await budget().setCurrent(versionId, core.author())),
    'budget.view': async ({ versionId, asOf }) => budget().view(versionId, asOf),
    'budget.saveItem': async (input) => {
      await budget().saveItem(input, core.author())
      return view(input.versionId)
    },
    'budget.removeItem': async ({ id }) => view(await budget().removeItem(id, core.author())),
    'budget.expenses': async ({ year, lineKey }) => expenses().list(year, lineKey),
    'budget.addExpense': async (input) => {
      requireConfirmation(await budgetExpenseWarnings(session(), input, today()), input.confirmed)
      await expenses().add(input, core.author())
      return yearOf(Number(input.spentOn.slice(0, 4)))
    },
    'budget.cancelExpense': async ({ id, reason }) =>
      yearOf(await expenses().cancel(id, reason, core.author())),
    'budget.changeExpenseFunds': async (input) =>
      yearOf(
        // The new payment is weighed by the +25 % heading rule as at entry: one fund, or each share.
        await expenses().changeFunds(input, core.author(), async (trx, parts, shared, day) =>
          shared
            ? sharesHeadingWarnings(session(), parts, day, trx)
            : (
                await Promise.all(
                  parts.map((part) =>
                    headingChargeWarnings(session(), part, day, 'headingCode', trx),
                  ),
                )
              ).flat(),
        ),
      ),
    'budget.sharingKeys': async () => keys().list(),
    'budget.saveSharingKey': async (input) => {
      await keys().save(input, core.author())
      return keys().list()
    },
    'budget.removeSharingKey': async ({ id }) => {
      await keys().remove(id, core.author())
      return keys().list()
    },
  }
}
