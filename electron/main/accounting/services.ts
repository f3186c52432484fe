import { type ProvidedBy, defineServices } from '../app/area-services'
import { AccountingPlanService } from './plan-service'
import { PeriodsService } from './periods-service'
import { SentReportsService } from './sent-reports'

/** What the accounting area adds to the session. */
export const accountingServices = defineServices(({ file, today, language, buildReport }) => ({
  accountingPlan: new AccountingPlanService(file),
  periods: new PeriodsService(file, today, language),
  sentReports: new SentReportsService(file, buildReport, today),
}))

declare module '../app/session' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- what the area adds
  interface SessionServices extends ProvidedBy<typeof accountingServices> {}
}
