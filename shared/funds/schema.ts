import { z } from 'zod'
import { type RateSeries, rateSeries } from './rate-series'
import type { ConversionRule, ExchangeDifference } from './conversion-rule'
import type { CurrencyCode } from '../money/currencies'
import { programmeCode } from '../programmes/schema'
import type { ProjectStatus } from '../projects/schema'
import { decimalAmount, optionalPercent, optionalRate, rateText } from '../validation/amounts'
import { isoDate, optionalIsoDate } from '../validation/dates'
import { byId, currencyCode, optionalText, recordId, requiredText } from '../validation/fields'
import { EARMARKINGS, type Earmarking, type FundClass, type FundFigures } from './fund-class'

export {
  EARMARKINGS,
  type Earmarking,
  IATI_EARMARKING,
  type FundClass,
  fundClassOf,
  FUND_FIGURE_KEYS,
  type FundFigures,
} from './fund-class'

export const NATURES = ['operating', 'investment', 'mixed'] as const
export type Nature = (typeof NATURES)[number]

export const agreementInput = z
  .strictObject({
    funderId: recordId,
    reference: requiredText(60),
    title: requiredText(300),
    signedOn: optionalIsoDate,
    startsOn: isoDate,
    endsOn: isoDate,
    currency: currencyCode,
    amount: decimalAmount,
    earmarking: z.enum(EARMARKINGS, { error: 'validation.choice' }),
    programme: optionalText(200),
    /** The AIMF programme whose projects a programme-tied agreement may finance. */
    programmeCode: programmeCode.nullish().transform((value) => value ?? null),
    nature: z.enum(NATURES, { error: 'validation.choice' }),
    operatingSharePercent: optionalPercent,
    cofinancingPercent: optionalPercent,
    indirectCostMaxPercent: optionalPercent,
    /**
     * Whether the contract follows the EU's PRAG rules (+25 % per heading, the 70 % test before
     * a further pre-financing). Left out, an agreement keeps its flag (a new one has none).
     */
    euRules: z.boolean({ error: 'validation.invalidType' }).optional(),
    notes: optionalText(5000),
  })
  .refine((a) => a.endsOn >= a.startsOn, { error: 'validation.endBeforeStart', path: ['endsOn'] })
  .refine((a) => a.earmarking !== 'programme' || a.programmeCode !== null, {
    error: 'validation.programmeCode',
    path: ['programmeCode'],
  })
  .refine((a) => !a.signedOn || a.signedOn <= a.endsOn, {
    error: 'validation.signedAfterEnd',
    path: ['signedOn'],
  })
export type AgreementInput = z.input<typeof agreementInput>
export type AgreementFields = z.output<typeof agreementInput>

export const agreementUpdate = z.strictObject({ id: recordId, fields: agreementInput })

export const agreementListQuery = z.strictObject({
  includeArchived: z.boolean({ error: 'validation.invalidType' }).optional(),
})

export const amendmentInput = z.strictObject({
  agreementId: recordId,
  signedOn: isoDate,
  /** The change of the committed amount, in the agreement's currency: may be negative or zero. */
  amountChange: decimalAmount,
  newEndsOn: optionalIsoDate,
  note: optionalText(2000),
})
export type AmendmentInput = z.input<typeof amendmentInput>

export const receiptInput = z.strictObject({
  agreementId: recordId,
  receivedOn: isoDate,
  amount: decimalAmount,
  /** Units of the agreement's currency per euro, if the user gives the rate actually applied. */
  rate: optionalRate,
  bankReference: optionalText(100),
  note: optionalText(2000),
  /** The bank account it went through; its currency's default when left empty. */
  bankAccountId: recordId.nullish(),
  /** The older name of `confirmed`, for receipts over what remains due. */
  confirmOverpayment: z.boolean({ error: 'validation.invalidType' }).optional(),
  /** Given once the user has seen the plausibility warnings and confirmed (see errors.ts). */
  confirmed: z.boolean({ error: 'validation.invalidType' }).optional(),
})
export type ReceiptInput = z.input<typeof receiptInput>

export const rateInput = z.strictObject({
  currency: currencyCode,
  rateDate: isoDate,
  rate: rateText,
  source: requiredText(100),
  /** The series the rate belongs to; the bank's (the rate of the day for receipts) by default. */
  series: rateSeries.default('bank'),
})
export type RateInput = z.input<typeof rateInput>
export type RateFields = z.output<typeof rateInput>

export const rateListQuery = z.strictObject({
  currency: currencyCode.optional(),
  series: rateSeries.optional(),
  /** The most recent rates only: the ECB's history alone holds tens of thousands. */
  latest: z.number({ error: 'validation.invalidType' }).int().min(1).max(5000).optional(),
})

export const atDateQuery = z.strictObject({ id: recordId, asOf: isoDate.optional() })

export const summaryQuery = z.strictObject({
  year: z.number({ error: 'validation.invalidType' }).int().min(1990).max(2100).optional(),
})

export { byId }

export interface Agreement {
  id: string
  funderId: string
  funderName: string
  reference: string
  title: string
  signedOn: string | null
  startsOn: string
  endsOn: string
  currency: CurrencyCode
  /** The committed amount as first signed, in the agreement's currency (minor units). */
  initialAmount: number
  earmarking: Earmarking
  fundClass: FundClass
  programme: string | null
  programmeCode: string | null
  nature: Nature
  operatingShareBp: number | null
  cofinancingBp: number | null
  indirectCostMaxBp: number | null
  /** How its spending is converted for the funder (conversion-rule.ts). */
  conversionRule: ConversionRule
  /** The contract follows the EU's PRAG rules: the +25 % heading rule and the 70 % test apply. */
  euRules: boolean
  notes: string | null
  createdAt: string
  updatedAt: string
  archivedAt: string | null
  /** The day its closing in force was dated, if it is closed: nothing more is spent on it. */
  closedOn: string | null
  /**
   * Figures in the agreement's currency, and their euro values, as of today: its spending (and
   * so what is available) as its conversion rule counts it.
   */
  figures: FundFigures
  figuresEur: FundFigures
  /** Spent by the rule less spent at the bank's rates (zero under the bank's rate of the day). */
  exchangeDifference: ExchangeDifference
}

export interface Amendment {
  id: string
  agreementId: string
  signedOn: string
  amountChange: number
  newEndsOn: string | null
  note: string | null
}

export interface Receipt {
  id: string
  agreementId: string
  receivedOn: string
  amount: number
  currency: CurrencyCode
  eurAmount: number
  rate: string
  rateDate: string | null
  rateSource: string
  bankReference: string | null
  note: string | null
}

export interface ExchangeRate {
  id: string
  currency: CurrencyCode
  rateDate: string
  rate: string
  source: string
  series: RateSeries
  /** XOF and XAF: fixed by treaty, never edited. */
  fixed: boolean
}

export interface AgreementDetail extends Agreement {
  amendments: Amendment[]
  receipts: Receipt[]
  reports: AgreementReport[]
  instalments: Instalment[]
  budget: HeadingsBudget
  /** The projects a project-tied agreement finances (it may finance no other). */
  namedProjects: { id: string; code: string; title: string }[]
  /** The end date as last amended. */
  currentEndsOn: string
}

/** What the dashboard and `aimf summary` show: euro cents throughout. */
export interface FundsSummary {
  year: number | null
  asOf: string
  /** Each agreement's spending (and what is available) as its conversion rule counts it. */
  byClass: Record<FundClass, FundFigures>
  /**
   * Per class, the agreements' spending by their rules less the ledger's, in euro cents: over
   * the period (`spent` less it is the ledger's) and to its end (`available` plus it is).
   */
  exchangeDifference: Record<FundClass, { period: number; held: number }>
  /** Untied income over all income, per year: the strategic plan's first worry. */
  untiedShareByYear: { year: number; untied: number; total: number; share: number | null }[]
  /**
   * Operating vs investment, in euro cents, for the period: what was committed and spent for
   * each (mixed agreements are split by their operating share).
   */
  byNature: Record<'operating' | 'investment', { committed: number; spent: number }>
  /** Agreements whose (amended) end falls within the next 90 days. */
  endingSoon: AgreementAlert[]
  /** Tied agreements ending within 180 days with money received but not spent: it may lapse. */
  lapsingRisk: AgreementAlert[]
  /** Reports to prepare that are overdue or due within 30 days. */
  reportsDue: ReportDue[]
  /** The live projects as they stand today (not by year). */
  projects: ProjectCounts
}

/** Live projects counted by status (every status, in its order) and by country (most first). */
export interface ProjectCounts {
  total: number
  byStatus: { status: ProjectStatus; count: number }[]
  byCountry: { country: string | null; count: number }[]
}

export interface AgreementAlert {
  id: string
  reference: string
  funderName: string
  endsOn: string
  /** Received but not spent, in euro cents. */
  availableEur: number
}

export const REPORT_KINDS = ['interim', 'final'] as const
export const REPORT_STATUSES = ['to_prepare', 'sent', 'accepted'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

export const reportInput = z
  .strictObject({
    agreementId: recordId,
    kind: z.enum(REPORT_KINDS, { error: 'validation.choice' }),
    dueOn: isoDate,
    periodFrom: optionalIsoDate,
    periodTo: optionalIsoDate,
    note: optionalText(2000),
  })
  .refine((r) => !r.periodFrom || !r.periodTo || r.periodTo >= r.periodFrom, {
    error: 'validation.endBeforeStart',
    path: ['periodTo'],
  })

export const reportStatusInput = z.strictObject({
  id: recordId,
  status: z.enum(REPORT_STATUSES, { error: 'validation.choice' }),
  sentOn: optionalIsoDate,
})

export const instalmentInput = z.strictObject({
  agreementId: recordId,
  expectedOn: isoDate,
  amount: decimalAmount,
  note: optionalText(500),
})

export const HEADING_TEMPLATES = ['eu', 'objectives'] as const
export type HeadingTemplate = (typeof HEADING_TEMPLATES)[number]
export const HEADING_ROLES = ['direct', 'indirect', 'contingency'] as const
export type HeadingRole = (typeof HEADING_ROLES)[number]

export const headingTemplateInput = z.strictObject({
  agreementId: recordId,
  template: z.enum(HEADING_TEMPLATES, { error: 'validation.choice' }),
})

export const headingsInput = z.strictObject({
  agreementId: recordId,
  headings: z
    .array(
      z.strictObject({
        code: requiredText(10),
        label: requiredText(200),
        role: z.enum(HEADING_ROLES, { error: 'validation.choice' }),
        amount: decimalAmount,
      }),
    )
    .max(60),
})

export interface AgreementReport {
  id: string
  kind: 'interim' | 'final'
  dueOn: string
  periodFrom: string | null
  periodTo: string | null
  status: ReportStatus
  sentOn: string | null
  note: string | null
  overdue: boolean
}

export interface Instalment {
  id: string
  expectedOn: string
  amount: number
  note: string | null
  /** Instalments expected up to this one, and receipts up to its date: the gap says what is late. */
  cumulativeExpected: number
  cumulativeReceived: number
  /** What of this instalment is still not received today (receipts paying the earliest first). */
  missing: number
  /** Received (whenever it came), late (its date passed, still missing), or still to come. */
  state: 'received' | 'late' | 'upcoming'
}

export interface Heading {
  id: string
  code: string
  label: string
  role: HeadingRole
  amount: number
}

/** The headings with the computed lines and the caps, as the funder's budget shows them. */
export interface HeadingsBudget {
  headings: Heading[]
  directSubtotal: number
  indirect: number
  /** The agreement's indirect-cost rate (basis points) applied to the direct subtotal. */
  indirectCap: number | null
  contingency: number
  contingencyCap: number
  total: number
}

export interface ReportDue {
  agreementId: string
  reference: string
  kind: 'interim' | 'final'
  dueOn: string
  overdue: boolean
}

export const otherIncomeInput = z.strictObject({
  receivedOn: isoDate,
  label: requiredText(200),
  currency: currencyCode,
  amount: decimalAmount,
  note: optionalText(2000),
  /** The bank account it went through; its currency's default when left empty. */
  bankAccountId: recordId.nullish(),
  /** Given once the user has seen the plausibility warnings and confirmed (see errors.ts). */
  confirmed: z.boolean({ error: 'validation.invalidType' }).optional(),
})

export interface OtherIncome {
  id: string
  receivedOn: string
  label: string
  amount: number
  currency: CurrencyCode
  eurAmount: number
  rate: string
  note: string | null
}
