import { z } from 'zod'
import { FUNDER_KINDS, type FunderKind } from '../funders/schema'
import type { CurrencyCode } from '../money/currencies'
import { reportRequest } from '../reports/model'
import { isoDate, isIsoDate } from '../validation/dates'
import { currencyCode, optionalText, recordId, requiredText } from '../validation/fields'
import { ACCOUNT_NUMBER, JOURNAL_CODE, ROLE_CONDITIONS, RULE_ROLES, type RuleRole } from './chart'

const accountNumber = z
  .string({ error: 'accounting.validation.accountNumber' })
  .trim()
  .toUpperCase()
  .regex(ACCOUNT_NUMBER, { error: 'accounting.validation.accountNumber' })

const journalCode = z
  .string({ error: 'accounting.validation.journalCode' })
  .trim()
  .toUpperCase()
  .regex(JOURNAL_CODE, { error: 'accounting.validation.journalCode' })

/** An account added to the chart, or a default account's label changed. */
export const accountInput = z.strictObject({
  number: accountNumber,
  label: requiredText(120),
  note: optionalText(1000),
})
export type AccountInput = z.input<typeof accountInput>

export const accountNumberInput = z.strictObject({ number: accountNumber })

const nullable = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((value) => value ?? null)

/** Which account a role goes to, under the conditions given (none: every case of the role). */
export const ruleInput = z
  .strictObject({
    role: z.enum(RULE_ROLES, { error: 'validation.choice' }),
    fundClass: nullable(z.enum(['tied', 'untied'], { error: 'validation.choice' })),
    nature: nullable(z.enum(['operating', 'investment'], { error: 'validation.choice' })),
    funderKind: nullable(z.enum(FUNDER_KINDS, { error: 'validation.choice' })),
    budgetLine: nullable(
      z
        .string({ error: 'validation.invalidType' })
        .trim()
        .min(1, { error: 'validation.required' })
        .max(20, { error: 'validation.tooLong' }),
    ),
    account: accountNumber,
    note: optionalText(1000),
  })
  .superRefine((rule, context) => {
    const allowed = ROLE_CONDITIONS[rule.role]
    for (const condition of ['fundClass', 'nature', 'funderKind', 'budgetLine'] as const) {
      if (rule[condition] !== null && !allowed.includes(condition)) {
        context.addIssue({
          code: 'custom',
          message: 'accounting.validation.conditionNotUsed',
          path: [condition],
        })
      }
    }
  })
export type RuleInput = z.input<typeof ruleInput>
export type RuleFields = z.output<typeof ruleInput>

export const bankAccountInput = z.strictObject({
  id: recordId.nullish().transform((value) => value ?? null),
  label: requiredText(120),
  currency: currencyCode,
  account: accountNumber.refine((value) => value.startsWith('51') || value.startsWith('53'), {
    error: 'accounting.validation.bankAccount',
  }),
  journalCode,
  journalLabel: requiredText(60),
  iban: optionalText(40),
  isDefault: z.boolean({ error: 'validation.invalidType' }),
  note: optionalText(1000),
})
export type BankAccountInput = z.input<typeof bankAccountInput>
export type BankAccountFields = z.output<typeof bankAccountInput>

export const accountingSettingsInput = z
  .strictObject({
    siren: z
      .string({ error: 'accounting.validation.siren' })
      .trim()
      .nullish()
      .transform((value) => (value ? value.replace(/\s/g, '') : null))
      .refine((value) => value === null || /^\d{9}$/.test(value), {
        error: 'accounting.validation.siren',
      }),
    generalJournalCode: journalCode,
    generalJournalLabel: requiredText(60),
    openingJournalCode: journalCode,
    openingJournalLabel: requiredText(60),
  })
  .refine((s) => s.generalJournalCode !== s.openingJournalCode, {
    error: 'accounting.validation.journalTaken',
    path: ['openingJournalCode'],
  })
export type AccountingSettingsInput = z.input<typeof accountingSettingsInput>

/** The last day of a month, as YYYY-MM-DD. */
export function isMonthEnd(day: string): boolean {
  if (!isIsoDate(day)) return false
  const next = new Date(`${day}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return next.getUTCDate() === 1
}

/** Closes the books up to the end of a month or of a year. */
export const closePeriodInput = z.strictObject({
  through: isoDate.refine(isMonthEnd, { error: 'accounting.validation.monthEnd' }),
  note: optionalText(1000),
})

export const reopenPeriodInput = z.strictObject({ id: recordId, reason: requiredText(1000) })

export const ENTRY_EXPORT_FORMATS = ['fec', 'sage', 'ebp', 'cegid', 'quadra'] as const
export type EntryExportFormat = (typeof ENTRY_EXPORT_FORMATS)[number]

export const entriesExportInput = z.strictObject({
  year: z
    .number({ error: 'validation.invalidType' })
    .int({ error: 'validation.invalidType' })
    .min(1990, { error: 'validation.invalidType' })
    .max(2100, { error: 'validation.invalidType' }),
  format: z.enum(ENTRY_EXPORT_FORMATS, { error: 'validation.choice' }),
})

/** The reports whose figures are archived when they are marked as sent to a funder. */
export const SENDABLE_REPORTS = ['donor', 'fund', 'dedicated-funds'] as const

export const markSentInput = z.strictObject({
  request: reportRequest,
  sentOn: isoDate,
  recipient: optionalText(200),
  note: optionalText(2000),
  format: z
    .enum(['xlsx', 'pdf'], { error: 'validation.choice' })
    .nullish()
    .transform((value) => value ?? null),
})
export type MarkSentInput = z.input<typeof markSentInput>

export const sentReportsQuery = z.strictObject({
  agreementId: recordId.nullish().transform((value) => value ?? null),
})

export interface AccountView {
  number: string
  label: string
  /** The chart's default label, for an account of the defaults. */
  defaultLabel: string | null
  /** An account the user added (not one of the defaults). */
  added: boolean
  note: string | null
}

export interface RuleView {
  /** Null for a default of the chart. */
  id: string | null
  role: RuleRole
  fundClass: 'tied' | 'untied' | null
  nature: 'operating' | 'investment' | null
  funderKind: FunderKind | null
  budgetLine: string | null
  account: string
  accountLabel: string
  /** The first day this rule applies to ("0000-01-01": always). */
  validFrom: string
  /** The first day a later rule for the same case replaces it; null while it applies. */
  validUntil: string | null
  isDefault: boolean
  note: string | null
}

export interface BankAccountView {
  /** Null for a currency's default of the chart (no bank account recorded for it). */
  id: string | null
  label: string
  currency: CurrencyCode
  account: string
  journalCode: string
  journalLabel: string
  iban: string | null
  isDefault: boolean
  note: string | null
  /** Entries of the ledger that went through it. */
  entries: number
}

export interface AccountingSettings {
  siren: string | null
  generalJournalCode: string
  generalJournalLabel: string
  openingJournalCode: string
  openingJournalLabel: string
}

export interface JournalSummary {
  code: string
  label: string
  entries: number
  debit: number
  credit: number
  lastNumber: number
}

export interface ClosureView {
  id: string
  closesThrough: string
  previousThrough: string | null
  closedOn: string
  closedBy: string | null
  entries: number
  journals: JournalSummary[]
  digest: string
  note: string | null
  /** Only the latest closing can be reopened. */
  canReopen: boolean
}

/** A ledger entry dated in a closed period that came after its closing (from another copy). */
export interface LateEntry {
  ledgerId: string
  entryDate: string
  bookedOn: string
  kind: string
  eurMinor: number
  label: string
}

export interface AccountingPlanView {
  accounts: AccountView[]
  rules: RuleView[]
  bankAccounts: BankAccountView[]
  settings: AccountingSettings
  /** The currencies the ledger uses, each needing a bank account. */
  currencies: CurrencyCode[]
  /** The budget lines' codes and labels, for rules by budget line. */
  budgetLines: { code: string; label: string }[]
}

export interface PeriodsView {
  closedThrough: string | null
  closures: ClosureView[]
  lateEntries: LateEntry[]
}

export interface SentReportView {
  id: string
  kind: string
  agreementId: string | null
  agreementReference: string | null
  title: string
  sentOn: string
  recipient: string | null
  note: string | null
  format: string | null
  digest: string
  /** The digest of the same report made today; differs when its figures changed since. */
  currentDigest: string
  changed: boolean
  /** For a report of many agreements, those whose rows changed (their references). */
  changedRows: string[]
  sentBy: string | null
}
