import { defineArea } from '../area'
import { budgetServices } from './services'
import { budgetHandlers } from './budget-handlers'

/** The budget area: the handlers of its channels (shared/budget/channels.ts). */
export const budgetArea = defineArea({
  name: 'budget',
  services: budgetServices,
  handlers: budgetHandlers,
})
