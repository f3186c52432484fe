import { type ProvidedBy, defineServices } from '../app/area-services'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import { DocumentsService } from './documents-service'
import { FinancingService } from './financing-service'
import { IndicatorsService } from './indicators-service'
import { ProjectExpensesService } from './project-expenses-service'
import { ProjectsService } from './projects-service'
import { TranchesService } from './tranches-service'

/** What the projects area adds to the session. */
export const projectsServices = defineServices(
  ({ file, today }, { rates }: { rates: ExchangeRatesService }) => {
    const financing = new FinancingService(file, rates, today)
    return {
      projects: new ProjectsService(file, rates, financing, today),
      financing,
      tranches: new TranchesService(file, rates),
      projectExpenses: new ProjectExpensesService(file, rates),
      indicators: new IndicatorsService(file),
      documents: new DocumentsService(file),
    }
  },
)

declare module '../app/session' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- what the area adds
  interface SessionServices extends ProvidedBy<typeof projectsServices> {}
}
