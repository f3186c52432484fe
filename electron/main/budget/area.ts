import { defineArea } from '../area'
import { shareProblems } from './share-invariants'
import { registersOf } from '../workbook/register-order'
import { budgetVersions } from './registers/budget-versions'
import { budgetItems } from './registers/budget-items'
import { budgetExpenses } from './registers/budget-expenses'
import { budgetServices } from './services'
import { budgetHandlers } from './budget-handlers'

/** The budget area: the handlers of its channels (shared/budget/channels.ts), its registers. */
export const budgetArea = defineArea({
  name: 'budget',
  services: budgetServices,
  handlers: budgetHandlers,
  registers: registersOf(budgetVersions, budgetItems, budgetExpenses),
  invariants: [shareProblems],
})
