import { z } from 'zod'
import { REGIONS, type Region } from '../geo/regions'
import { LANGUAGES } from '../i18n/locale'
import type { IndicatorLevel, IndicatorMeasure } from './indicators'
import { PROJECT_STATUSES, type ProjectStatus } from './lifecycle'
import type { MemberStatus } from '../members/schema'
import type { CurrencyCode } from '../money/currencies'
import { decimalAmount } from '../validation/amounts'
import { isoDate, optionalIsoDate } from '../validation/dates'
import {
  byId,
  currencyCode,
  optionalEmail,
  optionalText,
  recordId,
  requiredText,
} from '../validation/fields'
import { SECTORS } from './sectors'
import { programmeCode } from '../programmes/schema'

export * from './lifecycle'
export * from './indicators'

const SECTOR_CODES = new Set(SECTORS.map(([code]) => code))
export function isSectorCode(value: string): boolean {
  return SECTOR_CODES.has(value)
}

/** The name of a DAC sector in a language ("fr" or "en"). */
export function sectorName(code: string, language: 'fr' | 'en'): string {
  const sector = SECTORS.find(([c]) => c === code)
  if (!sector) return code
  return language === 'fr' ? sector[1] : sector[2]
}

const sectorCode = z
  .string({ error: 'validation.sector' })
  .refine(isSectorCode, { error: 'validation.sector' })

/** What a person fills in for a project. */
export const projectInput = z
  .strictObject({
    /** Left empty, the core numbers the project (FC-2026-001...). */
    code: optionalText(30),
    title: requiredText(300),
    /** The title in English, for funders and the IATI registry. */
    titleEn: optionalText(300),
    memberId: recordId,
    region: z
      .enum(REGIONS, { error: 'validation.choice' })
      .nullish()
      .transform((value) => value ?? null),
    sectorCode,
    /** An AIMF programme's code (Paramètres → Programmes): the core checks the file has it. */
    programme: programmeCode,
    nature: z.enum(['operating', 'investment'], { error: 'validation.choice' }),
    currency: currencyCode,
    totalCost: decimalAmount,
    startsOn: optionalIsoDate,
    endsOn: optionalIsoDate,
    objectives: optionalText(5000),
    description: optionalText(10000),
    descriptionEn: optionalText(10000),
    contactName: optionalText(200),
    contactEmail: optionalEmail,
    contactPhone: optionalText(50),
  })
  .refine((p) => !p.startsOn || !p.endsOn || p.endsOn >= p.startsOn, {
    error: 'validation.endBeforeStart',
    path: ['endsOn'],
  })
export type ProjectInput = z.input<typeof projectInput>
export type ProjectFields = z.output<typeof projectInput>

export const projectUpdate = z.strictObject({ id: recordId, fields: projectInput })

/** A move of the lifecycle, with what each move asks. */
export const transitionInput = z
  .strictObject({
    projectId: recordId,
    to: z.enum(PROJECT_STATUSES, { error: 'validation.choice' }),
    onDate: isoDate,
    note: optionalText(2000),
    /** The Bureau meeting that approved the project (required to approve). */
    bureauMeeting: optionalText(200),
    /** Why the project is abandoned (required to abandon). */
    reason: optionalText(2000),
    /** Why the project is approved although its beneficiary is behind on its dues. */
    overrideReason: optionalText(2000),
    /** Given once the user has seen the plausibility warnings and confirmed (see errors.ts). */
    confirmed: z.boolean({ error: 'validation.invalidType' }).optional(),
  })
  .refine((t) => t.to !== 'approved' || t.bureauMeeting !== null, {
    error: 'validation.bureauMeeting',
    path: ['bureauMeeting'],
  })
  .refine((t) => t.to !== 'abandoned' || t.reason !== null, {
    error: 'validation.abandonReason',
    path: ['reason'],
  })
export type TransitionInput = z.input<typeof transitionInput>

export const FINANCING_SOURCES = [
  'untied_fund',
  'agreement',
  'city_cash',
  'city_in_kind',
  'partner',
] as const
export type FinancingSource = (typeof FINANCING_SOURCES)[number]

/** Sources whose money is the AIMF's: committing them allocates it in the ledger. */
export function isAimfSource(source: FinancingSource): boolean {
  return source === 'untied_fund' || source === 'agreement'
}

export const financingLineInput = z
  .strictObject({
    projectId: recordId,
    source: z.enum(FINANCING_SOURCES, { error: 'validation.choice' }),
    agreementId: recordId.nullish().transform((value) => value ?? null),
    partnerName: optionalText(200),
    /** The donor heading the line charges, for an agreement with headings. */
    headingCode: optionalText(30),
    amount: decimalAmount,
    /** Ignored for an agreement (its currency) and the untied fund (euros). */
    currency: currencyCode,
    note: optionalText(2000),
  })
  .refine((l) => l.source !== 'agreement' || l.agreementId !== null, {
    error: 'validation.required',
    path: ['agreementId'],
  })
  .refine((l) => l.source !== 'partner' || l.partnerName !== null, {
    error: 'validation.required',
    path: ['partnerName'],
  })
export type FinancingLineInput = z.input<typeof financingLineInput>

export const commitLineInput = z.strictObject({
  id: recordId,
  committedOn: isoDate,
  /** Given once the user has seen the plausibility warnings and confirmed (see errors.ts). */
  confirmed: z.boolean({ error: 'validation.invalidType' }).optional(),
})

export const trancheInput = z.strictObject({
  projectId: recordId,
  plannedOn: isoDate,
  amount: decimalAmount,
  condition: optionalText(500),
})
export type TrancheInput = z.input<typeof trancheInput>

export const trancheDateInput = z.strictObject({ id: recordId, onDate: isoDate })

export const tranchePaymentInput = z.strictObject({
  id: recordId,
  paidOn: isoDate,
  /** What was paid, in the project's currency; the tranche's amount when left empty. */
  amount: decimalAmount.nullish().transform((value) => value ?? null),
  bankReference: optionalText(100),
  /** The bank account it went through; its currency's default when left empty. */
  bankAccountId: recordId.nullish(),
  /** Why the tranche is paid though its condition is not met. */
  overrideReason: optionalText(2000),
  /**
   * How the payment is shared among the plan's committed AIMF lines, in the project's
   * currency; pro rata to what each still has to pay when absent.
   */
  split: z
    .array(z.strictObject({ lineId: recordId, amount: decimalAmount }), {
      error: 'validation.invalidType',
    })
    .max(50)
    .nullish()
    .transform((value) => value ?? null),
  /** Given once the user has seen the plausibility warnings and confirmed (see errors.ts). */
  confirmed: z.boolean({ error: 'validation.invalidType' }).optional(),
})
export type TranchePaymentInput = z.input<typeof tranchePaymentInput>

export const trancheCancelInput = z.strictObject({ id: recordId, reason: requiredText(2000) })

export const projectExpenseInput = z.strictObject({
  projectId: recordId,
  spentOn: isoDate,
  supplier: optionalText(200),
  description: requiredText(500),
  amount: decimalAmount,
  currency: currencyCode,
  agreementId: recordId.nullish().transform((value) => value ?? null),
  headingCode: optionalText(30),
  document: optionalText(500),
  /** Given once the user has seen the plausibility warnings and confirmed (see errors.ts). */
  confirmed: z.boolean({ error: 'validation.invalidType' }).optional(),
})
export type ProjectExpenseInput = z.input<typeof projectExpenseInput>

export const documentInput = z.strictObject({ projectId: recordId, title: optionalText(200) })

/** The project sheet, in the language asked for (the user's when left out). */
export const sheetInput = z.strictObject({
  id: recordId,
  language: z.enum(LANGUAGES, { error: 'validation.choice' }).optional(),
})

export const agreementProjectInput = z.strictObject({
  agreementId: recordId,
  projectId: recordId,
})

/** Filters of the project list; each left out matches every project. */
export const projectListQuery = z.strictObject({
  includeArchived: z.boolean({ error: 'validation.invalidType' }).optional(),
  search: z.string({ error: 'validation.invalidType' }).max(200).optional(),
  status: z.enum(PROJECT_STATUSES, { error: 'validation.choice' }).optional(),
  country: z.string({ error: 'validation.country' }).max(2).optional(),
  region: z.enum(REGIONS, { error: 'validation.choice' }).optional(),
  sectorCode: z.string({ error: 'validation.sector' }).max(5).optional(),
  programme: z.string({ error: 'validation.invalidType' }).max(40).optional(),
  funderId: recordId.optional(),
  year: z.number({ error: 'validation.invalidType' }).int().min(1990).max(2100).optional(),
  lateTranches: z.boolean({ error: 'validation.invalidType' }).optional(),
  overdueReports: z.boolean({ error: 'validation.invalidType' }).optional(),
})
export type ProjectListQuery = z.input<typeof projectListQuery>

export { byId }

/** A project as the list shows it, with its money in euros. */
export interface ProjectSummary {
  id: string
  code: string
  title: string
  memberId: string
  memberName: string
  memberArchived: boolean
  country: string | null
  region: Region | null
  sectorCode: string
  /** The code of its AIMF programme (its name: Paramètres → Programmes). */
  programme: string
  nature: 'operating' | 'investment'
  status: ProjectStatus
  currency: CurrencyCode
  totalCost: number
  totalCostEur: number
  /** AIMF money committed (allocated in the ledger), in euro cents. */
  committedEur: number
  /** AIMF money paid to the city (disbursed), in euro cents. */
  paidEur: number
  startsOn: string | null
  endsOn: string | null
  approvedOn: string | null
  /** The year the project belongs to: approval, else start, else creation. */
  year: number
  funderIds: string[]
  funderNames: string[]
  lateTranches: number
  overdueReports: number
  archivedAt: string | null
}

export interface FinancingLine {
  id: string
  source: FinancingSource
  agreementId: string | null
  agreementReference: string | null
  headingCode: string | null
  partnerName: string | null
  amount: number
  currency: CurrencyCode
  eurAmount: number
  rate: string
  committedOn: string | null
  /** What the ledger holds for the line: allocated, then paid to the city, in its currency. */
  allocated: number
  disbursed: number
  note: string | null
}

export type TrancheStatus = 'planned' | 'released' | 'paid' | 'cancelled'

export interface Tranche {
  id: string
  number: number
  plannedOn: string
  amount: number
  condition: string | null
  conditionMetOn: string | null
  status: TrancheStatus
  releasedOn: string | null
  paidOn: string | null
  paidAmount: number | null
  /** The euro value disbursed for it, in euro cents (null until paid). */
  paidEur: number | null
  bankReference: string | null
  overrideReason: string | null
  cancelReason: string | null
  late: boolean
}

export interface ProjectExpense {
  id: string
  spentOn: string
  supplier: string | null
  description: string
  amount: number
  currency: CurrencyCode
  eurAmount: number
  agreementId: string | null
  headingCode: string | null
  document: string | null
}

export interface IndicatorValue {
  id: string
  periodEnd: string
  value: string
  comment: string | null
}

export interface Indicator {
  id: string
  name: string
  level: IndicatorLevel
  measure: IndicatorMeasure
  unit: string | null
  baselineValue: string | null
  baselineOn: string | null
  targetValue: string
  targetOn: string | null
  values: IndicatorValue[]
  latestValue: string | null
  progress: number | null
}

export interface ProjectTransition {
  id: string
  fromStatus: ProjectStatus | null
  toStatus: ProjectStatus
  onDate: string
  author: string
  note: string | null
  overrideReason: string | null
  recordedAt: string
}

export interface ProjectDocument {
  id: string
  title: string
  originalName: string
  size: number
  addedAt: string
}

export interface ProjectLedgerLine {
  id: string
  entryDate: string
  kind: string
  fundClass: 'tied' | 'untied'
  agreementReference: string | null
  amount: number
  currency: CurrencyCode
  eurAmount: number
  reversal: boolean
}

/** An agreement that may finance the project, with what it still has to allocate. */
export interface EligibleAgreement {
  id: string
  reference: string
  funderName: string
  currency: CurrencyCode
  /** The day it was closed, if it is: shown but not offered, nothing more is spent on it. */
  closedOn: string | null
  unallocated: number
  /** The funder's budget headings, if the agreement has some: a line names the one it charges. */
  headings: { code: string; label: string }[]
}

/** Whether the beneficiary is up to date with its dues, as far as the file knows. */
export type DuesStanding =
  | { kind: 'no_data' }
  | { kind: 'up_to_date' }
  | { kind: 'in_arrears'; arrearsEur: number; toleranceEur: number }

export interface ProjectDetail extends ProjectSummary {
  titleEn: string | null
  objectives: string | null
  description: string | null
  descriptionEn: string | null
  contactName: string | null
  contactEmail: string | null
  contactPhone: string | null
  bureauMeeting: string | null
  updatedAt: string
  memberStatus: MemberStatus
  /** The plan's total in the project's currency, and what is left to find (negative: over). */
  plan: {
    lines: FinancingLine[]
    /** Where the lines are not all in the project's currency, the comparison is in euros. */
    comparedIn: CurrencyCode
    total: number
    cost: number
    difference: number
    balanced: boolean
  }
  tranches: Tranche[]
  expenses: ProjectExpense[]
  /** Justified by the city against what it was paid, in euro cents. */
  justification: { paidEur: number; justifiedEur: number; toJustifyEur: number }
  indicators: Indicator[]
  transitions: ProjectTransition[]
  documents: ProjectDocument[]
  ledger: ProjectLedgerLine[]
  eligibleAgreements: EligibleAgreement[]
  /** What the untied fund still has to allocate, in euro cents. */
  untiedAvailableEur: number
  nextStatuses: ProjectStatus[]
  dues: DuesStanding
}

/** Projects counted by a key (a country, a programme, a status), with their money in euros. */
export interface ProjectBreakdownRow {
  key: string
  projects: number
  costEur: number
  committedEur: number
  paidEur: number
}

export interface ProjectsBreakdown {
  byCountry: ProjectBreakdownRow[]
  byProgramme: ProjectBreakdownRow[]
  byStatus: ProjectBreakdownRow[]
}
