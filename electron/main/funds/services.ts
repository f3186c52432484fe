import { type ProvidedBy, defineServices } from '../app/area-services'
import { AgreementTermsService } from './agreement-terms-service'
import { AgreementsService } from './agreements-service'
import { ExchangeRatesService } from './exchange-rates-service'
import { OtherIncomeService } from './other-income-service'
import { ReceiptsService } from './receipts-service'

/** What the funds area adds to the session: the rates every other money area converts with. */
export const fundsServices = defineServices(({ file, today }) => {
  const rates = new ExchangeRatesService(file)
  const terms = new AgreementTermsService(file, today)
  return {
    rates,
    agreements: new AgreementsService(file, rates, terms, today),
    terms,
    otherIncome: new OtherIncomeService(file, rates),
    receipts: new ReceiptsService(file, rates),
  }
})

declare module '../app/session' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- what the area adds
  interface SessionServices extends ProvidedBy<typeof fundsServices> {}
}
