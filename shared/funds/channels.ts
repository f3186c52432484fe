import { channel, none } from '../contract/channel'
import { byId, reversalInput } from '../validation/fields'
import type { Agreement, AgreementDetail, ExchangeRate, FundsSummary, OtherIncome } from './schema'
import { agreementProjectInput } from '../projects/schema'
import { type RateImportReport, rateImportInput } from './rate-series'
import { type ConversionSummary, conversionRuleInput } from './conversion-rule'
import { type OverheadPosition, overheadPostInput } from './overhead'
import {
  agreementInput,
  agreementListQuery,
  agreementUpdate,
  amendmentInput,
  atDateQuery,
  headingTemplateInput,
  headingsInput,
  instalmentInput,
  otherIncomeInput,
  rateInput,
  reportInput,
  reportStatusInput,
  rateListQuery,
  receiptInput,
  summaryQuery,
} from './schema'

/** The channels of the funds area (see shared/contract/channels.ts). */
export const FUNDS_CHANNELS = {
  'rates.list': channel<ExchangeRate[]>()(rateListQuery),
  'rates.add': channel<ExchangeRate>()(rateInput),
  'rates.archive': channel<null>()(byId),
  /** A rate file (ECB CSV, InforEuro CSV or XML) chosen in a dialog, imported into its series. */
  'rates.import': channel<RateImportReport>()(rateImportInput),

  'agreements.list': channel<Agreement[]>()(agreementListQuery),
  'agreements.get': channel<AgreementDetail>()(atDateQuery),
  'agreements.create': channel<AgreementDetail>()(agreementInput),
  'agreements.update': channel<AgreementDetail>()(agreementUpdate),
  'agreements.archive': channel<AgreementDetail>()(byId),
  'agreements.restore': channel<AgreementDetail>()(byId),
  'agreements.addAmendment': channel<AgreementDetail>()(amendmentInput),
  'agreements.addReport': channel<AgreementDetail>()(reportInput),
  'agreements.setReportStatus': channel<AgreementDetail>()(reportStatusInput),
  'agreements.addInstalment': channel<AgreementDetail>()(instalmentInput),
  'agreements.removeInstalment': channel<AgreementDetail>()(byId),
  'agreements.applyHeadingTemplate': channel<AgreementDetail>()(headingTemplateInput),
  'agreements.saveHeadings': channel<AgreementDetail>()(headingsInput),
  /** The rule the agreement's spending is reported at (its contract's). */
  'agreements.setConversionRule': channel<AgreementDetail>()(conversionRuleInput),
  /** Its spending to a day at the bank's rates and by its rule, and the difference. */
  'agreements.conversion': channel<ConversionSummary>()(atDateQuery),
  /** Its indirect costs: allowed by its rate, posted to the untied fund, still to post. */
  'agreements.overhead': channel<OverheadPosition>()(atDateQuery),
  /** Moves the overhead allowed on a day from the agreement to the untied fund. */
  'agreements.postOverhead': channel<OverheadPosition>()(overheadPostInput),

  'agreements.nameProject': channel<AgreementDetail>()(agreementProjectInput),
  'agreements.unnameProject': channel<AgreementDetail>()(agreementProjectInput),

  'receipts.add': channel<AgreementDetail>()(receiptInput),
  'receipts.cancel': channel<AgreementDetail>()(reversalInput),

  'funds.summary': channel<FundsSummary>()(summaryQuery),
  'funds.otherIncome': channel<OtherIncome[]>()(none),
  'funds.addOtherIncome': channel<OtherIncome[]>()(otherIncomeInput),
  'funds.cancelOtherIncome': channel<OtherIncome[]>()(reversalInput),
} as const
