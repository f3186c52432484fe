import { defineArea } from '../area'
import { budgetHandlers } from './budget-handlers'

/** The budget area: the handlers of its channels (shared/budget/channels.ts). */
export const budgetArea = defineArea<'budget'>({
  name: 'budget',
  handlers: budgetHandlers,
})
