import { type ProvidedBy, defineServices } from '../app/area-services'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import { BudgetExpensesService } from './budget-expenses-service'
import { BudgetService } from './budget-service'
import { SharingKeysService } from './sharing-keys-service'

/** What the budget area adds to the session. */
export const budgetServices = defineServices(
  ({ file }, { rates }: { rates: ExchangeRatesService }) => ({
    budget: new BudgetService(file),
    budgetExpenses: new BudgetExpensesService(file, rates),
    sharingKeys: new SharingKeysService(file),
  }),
)

declare module '../app/session' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- what the area adds
  interface SessionServices extends ProvidedBy<typeof budgetServices> {}
}
