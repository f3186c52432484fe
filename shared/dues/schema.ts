import { z } from 'zod'
import type { CurrencyCode } from '../money/currencies'
import { MEMBER_KINDS, type MemberKind } from '../members/schema'
import { decimalAmount, optionalRate } from '../validation/amounts'
import { isoDate, optionalIsoDate } from '../validation/dates'
import {
  currencyCode,
  optionalEmail,
  optionalText,
  recordId,
  requiredText,
} from '../validation/fields'

export const DUES_METHODS = ['transfer', 'cheque', 'cash', 'mobile_money', 'card', 'other'] as const
export type DuesMethod = (typeof DUES_METHODS)[number]

export const MEMBER_BODIES = ['bureau', 'permanent_commission'] as const
export type MemberBody = (typeof MEMBER_BODIES)[number]

const year = z
  .number({ error: 'validation.year' })
  .int({ error: 'validation.year' })
  .min(1979, { error: 'validation.year' })
  .max(2100, { error: 'validation.year' })

const population = z
  .number({ error: 'validation.integer' })
  .int({ error: 'validation.integer' })
  .min(0, { error: 'validation.integer' })
  .max(100_000_000, { error: 'validation.integer' })

/** One band of a year's scale (barème): what members of a kind within a population band owe. */
export const bandInput = z
  .strictObject({
    memberKind: z.enum(MEMBER_KINDS, { error: 'validation.choice' }),
    populationFrom: population,
    /** Up to this population (included); none for the last band. */
    populationTo: population.nullish().transform((value) => value ?? null),
    amount: decimalAmount,
    currency: currencyCode,
    label: requiredText(120),
  })
  .refine((b) => b.populationTo === null || b.populationTo >= b.populationFrom, {
    error: 'validation.bandOrder',
    path: ['populationTo'],
  })
export type BandInput = z.input<typeof bandInput>

/** A year's whole scale, saved at once; bands of one kind must not overlap. */
export const scaleInput = z.strictObject({
  year,
  bands: z.array(bandInput, { error: 'validation.invalidType' }).max(100),
})
export type ScaleInput = z.input<typeof scaleInput>

export const yearQuery = z.strictObject({ year })
export const callListQuery = z.strictObject({
  year: year.optional(),
  memberId: recordId.optional(),
})
export const copyScaleInput = z.strictObject({ fromYear: year, toYear: year })

export const overrideInput = z.strictObject({
  memberId: recordId,
  year,
  amount: decimalAmount,
  currency: currencyCode,
  reason: requiredText(500),
})
export type OverrideInput = z.input<typeof overrideInput>

/** A run of calls for a year: previewed first, then generated for the members the preview lists. */
export const callRunInput = z
  .strictObject({ year, calledOn: isoDate, dueOn: isoDate })
  .refine((run) => run.dueOn >= run.calledOn, {
    error: 'validation.dueBeforeCall',
    path: ['dueOn'],
  })
export type CallRunInput = z.input<typeof callRunInput>

export const callAmountInput = z.strictObject({
  id: recordId,
  amount: decimalAmount,
  reason: requiredText(500),
})
export const callCancelInput = z.strictObject({ id: recordId, reason: requiredText(500) })

/** One call for one member, outside a year's run (a late joiner, a call brought from a workbook). */
export const singleCallInput = z
  .strictObject({
    /** Left empty, the core numbers it AC-year-nnnn. */
    number: optionalText(30),
    memberId: recordId,
    year: z.number({ error: 'validation.invalidType' }).int().min(1979).max(2100),
    calledOn: isoDate,
    dueOn: isoDate,
    amount: decimalAmount,
    currency: currencyCode,
    basis: requiredText(300),
  })
  .refine((c) => c.dueOn >= c.calledOn, { error: 'validation.dueBeforeCall', path: ['dueOn'] })
export type SingleCallInput = z.input<typeof singleCallInput>

export const paymentInput = z.strictObject({
  memberId: recordId,
  kind: z.enum(['dues', 'voluntary'], { error: 'validation.choice' }),
  receivedOn: isoDate,
  payer: optionalText(200),
  amount: decimalAmount,
  currency: currencyCode,
  /** Units of the payment's currency per euro, when the bank's rate is given. */
  rate: optionalRate,
  method: z.enum(DUES_METHODS, { error: 'validation.choice' }),
  bankReference: optionalText(100),
  note: optionalText(2000),
  /** The bank account it went through; its currency's default when left empty. */
  bankAccountId: recordId.nullish(),
  /**
   * Which calls the payment settles, and how much of each (in the call's currency); oldest
   * first when absent. What is left becomes the member's credit.
   */
  settle: z
    .array(z.strictObject({ callId: recordId, amount: decimalAmount }), {
      error: 'validation.invalidType',
    })
    .max(100)
    .nullish()
    .transform((value) => value ?? null),
  /** Given once the user has seen the plausibility warnings and confirmed (see errors.ts). */
  confirmed: z.boolean({ error: 'validation.invalidType' }).optional(),
})
export type PaymentInput = z.input<typeof paymentInput>

export const duesSettingsInput = z.strictObject({
  /** Arrears in euros up to which a member's project may still be approved. */
  arrearsTolerance: decimalAmount,
  paymentDays: z.number({ error: 'validation.integer' }).int().min(0).max(365),
})

export const memberContactInput = z.strictObject({
  memberId: recordId,
  name: requiredText(200),
  role: optionalText(120),
  email: optionalEmail,
  phone: optionalText(50),
})

export const memberRoleInput = z
  .strictObject({
    memberId: recordId,
    body: z.enum(MEMBER_BODIES, { error: 'validation.choice' }),
    role: requiredText(120),
    startsOn: isoDate,
    endsOn: optionalIsoDate,
  })
  .refine((r) => r.endsOn === null || r.endsOn >= r.startsOn, {
    error: 'validation.endBeforeStart',
    path: ['endsOn'],
  })

export interface DuesBand {
  id: string
  memberKind: MemberKind
  populationFrom: number
  populationTo: number | null
  amount: number
  currency: CurrencyCode
  label: string
}

export interface DuesScale {
  year: number
  bands: DuesBand[]
  overrides: {
    id: string
    memberId: string
    memberName: string
    amount: number
    currency: CurrencyCode
    reason: string
  }[]
}

/** One member in a call run's preview: what it would be called, and why, or why not. */
export interface CallPreviewRow {
  memberId: string
  memberCode: string
  memberName: string
  kind: MemberKind
  population: number | null
  outcome: 'to_call' | 'already_called' | 'excluded'
  amount: number | null
  currency: CurrencyCode | null
  /** Why this amount (the band or the override), or why the member is left out. */
  basis: string
}

export type CallStatus = 'open' | 'partly_paid' | 'paid' | 'cancelled'

export interface DuesCall {
  id: string
  number: string
  memberId: string
  memberName: string
  year: number
  calledOn: string
  dueOn: string
  amount: number
  currency: CurrencyCode
  eurAmount: number
  paid: number
  outstanding: number
  outstandingEur: number
  basis: string
  status: CallStatus
  cancelledOn: string | null
  cancelReason: string | null
}

export interface DuesPayment {
  id: string
  memberId: string
  memberName: string
  kind: 'dues' | 'voluntary'
  receivedOn: string
  payer: string | null
  amount: number
  currency: CurrencyCode
  eurAmount: number
  rate: string
  method: DuesMethod
  bankReference: string | null
  note: string | null
  /** What of it settled calls, and what stays as credit, in the payment's currency. */
  settled: number
  credit: number
  settlements: {
    callId: string
    callNumber: string
    year: number
    amount: number
    currency: CurrencyCode
  }[]
}

/** Arrears by age: the current year's calls, last year's, two years old, three and more. */
export interface ArrearsByAge {
  current: number
  oneYear: number
  twoYears: number
  threeYearsOrMore: number
  total: number
}

export interface MemberAccount {
  memberId: string
  calls: DuesCall[]
  payments: DuesPayment[]
  /** In euro cents: what is owed on calls past due, what is owed in all, the credit held. */
  arrearsEur: number
  outstandingEur: number
  creditEur: number
  arrears: ArrearsByAge
  standing: 'up_to_date' | 'in_arrears' | 'no_calls'
  roles: { id: string; body: MemberBody; role: string; startsOn: string; endsOn: string | null }[]
  contacts: {
    id: string
    name: string
    role: string | null
    email: string | null
    phone: string | null
  }[]
  projects: { id: string; code: string; title: string; status: string }[]
}

/** The collection dashboard: called against collected, arrears, who owes most. */
export interface DuesSummary {
  year: number
  calledEur: number
  collectedEur: number
  /** collected ÷ called for the year's calls, four decimals; null when nothing was called. */
  rate: number | null
  voluntaryEur: number
  byYear: { year: number; calledEur: number; collectedEur: number; rate: number | null }[]
  arrears: ArrearsByAge
  largest: { memberId: string; memberName: string; country: string | null; arrearsEur: number }[]
  membersUpToDate: number
  membersInArrears: number
}

export interface DuesSettings {
  arrearsToleranceEur: number
  paymentDays: number
}
