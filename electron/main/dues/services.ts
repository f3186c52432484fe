import { type ProvidedBy, defineServices } from '../app/area-services'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import type { OrganisationService } from '../organisation/organisation-service'
import { DuesCallsService } from './dues-calls-service'
import { DuesPaymentsService } from './dues-payments-service'
import { DuesScaleService } from './dues-scale-service'
import { DuesService } from './dues-service'
import { LettersService } from './letters-service'

/** What the dues area adds to the session. */
export const duesServices = defineServices(
  (
    { file, today, language },
    earlier: { rates: ExchangeRatesService; organisation: OrganisationService },
  ) => ({
    dues: new DuesService(file, today),
    duesScale: new DuesScaleService(file),
    duesCalls: new DuesCallsService(file, earlier.rates, language),
    duesPayments: new DuesPaymentsService(file, earlier.rates),
    letters: new LettersService(file, earlier.organisation, today),
  }),
)

declare module '../app/session' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- what the area adds
  interface SessionServices extends ProvidedBy<typeof duesServices> {}
}
