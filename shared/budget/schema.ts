import { z } from 'zod'
import type { CurrencyCode } from '../money/currencies'
import { decimalAmount } from '../validation/amounts'
import { type ExpenseShare, expenseSharesInput } from './cost-sharing'
import { isoDate } from '../validation/dates'
import { currencyCode, optionalText, recordId, requiredText } from '../validation/fields'

export const BUDGET_DIRECTIONS = ['income', 'expense'] as const
export type BudgetDirection = (typeof BUDGET_DIRECTIONS)[number]
export const BUDGET_NATURES = ['operating', 'investment'] as const
export type BudgetNature = (typeof BUDGET_NATURES)[number]

/**
 * Which ledger entries are a line's actuals. An expense line follows its own expenses or the
 * Cooperation Fund (commitments to cities, then tranches paid); an income line follows dues,
 * the receipts of its source agreements, or other untied income.
 */
export const BUDGET_TRACKING = {
  expense: ['expenses', 'cooperation_fund'],
  income: ['receipts', 'dues', 'other_income'],
} as const satisfies Record<BudgetDirection, readonly string[]>
export type BudgetTracking = (typeof BUDGET_TRACKING)[BudgetDirection][number]
const ALL_TRACKING = [...BUDGET_TRACKING.expense, ...BUDGET_TRACKING.income] as const

export const yearInput = z.strictObject({ year: z.number().int().min(2000).max(2100) })
export const versionInput = z.strictObject({ versionId: recordId })

export const copyBudgetInput = z.strictObject({
  fromVersionId: recordId,
  year: z.number().int().min(2000).max(2100),
})

export const adoptVersionInput = z.strictObject({ versionId: recordId, adoptedOn: isoDate })

export const budgetViewInput = z.strictObject({
  versionId: recordId,
  /** Actuals up to this day; the year's end when absent. */
  asOf: isoDate.nullish().transform((value) => value ?? null),
})

export const budgetSourceInput = z.strictObject({
  /** Null for the untied fund. */
  agreementId: recordId.nullable(),
  amount: decimalAmount,
})

export const budgetItemInput = z
  .strictObject({
    versionId: recordId,
    /** Absent to add an item; an item's id to change it. */
    id: recordId.nullish().transform((value) => value ?? null),
    parentId: recordId.nullish().transform((value) => value ?? null),
    kind: z.enum(['chapter', 'line'], { error: 'validation.choice' }),
    code: requiredText(20),
    label: requiredText(200),
    direction: z.enum(BUDGET_DIRECTIONS, { error: 'validation.choice' }),
    nature: z.enum(BUDGET_NATURES, { error: 'validation.choice' }),
    /** In euros; a chapter's planned amount is the sum of its lines. */
    planned: decimalAmount.nullish().transform((value) => value ?? '0'),
    tracks: z
      .enum(ALL_TRACKING, { error: 'validation.choice' })
      .nullish()
      .transform((value) => value ?? null),
    sources: z.array(budgetSourceInput).max(20).default([]),
    note: optionalText(2000),
  })
  .refine(
    (item) =>
      item.kind === 'chapter' ||
      item.tracks === null ||
      (BUDGET_TRACKING[item.direction] as readonly string[]).includes(item.tracks),
    { error: 'validation.choice', path: ['tracks'] },
  )
export type BudgetItemInput = z.input<typeof budgetItemInput>

export const budgetExpenseInput = z.strictObject({
  lineKey: z
    .string({ error: 'validation.required' })
    .min(1, { error: 'validation.required' })
    .max(40, { error: 'validation.tooLong' }),
  spentOn: isoDate,
  /** Null: paid from the untied fund. */
  agreementId: recordId.nullish().transform((value) => value ?? null),
  headingCode: optionalText(30),
  supplier: optionalText(200),
  description: requiredText(500),
  amount: decimalAmount,
  currency: currencyCode,
  document: optionalText(1000),
  /** The bank account it went through; its currency's default when left empty. */
  bankAccountId: recordId.nullish(),
  /**
   * A shared expense: its shares across funds (then `agreementId` and `headingCode` stay
   * empty). See cost-sharing.ts.
   */
  shares: expenseSharesInput.nullish().transform((value) => value ?? null),
  /** Given once the user has seen the plausibility warnings and confirmed (see errors.ts). */
  confirmed: z.boolean({ error: 'validation.invalidType' }).optional(),
})
export type BudgetExpenseInput = z.input<typeof budgetExpenseInput>

/**
 * A change of who pays an expense: one fund (`agreementId`, null for the untied fund, and its
 * heading) or `shares`; the reason is kept on the reversals of the old payment.
 */
export const changeExpenseFundsInput = z.strictObject({
  id: recordId,
  agreementId: recordId.nullish().transform((value) => value ?? null),
  headingCode: optionalText(30),
  shares: expenseSharesInput.nullish().transform((value) => value ?? null),
  reason: requiredText(500),
  /** Given once the user has seen the split before and after and confirmed. */
  confirmed: z.boolean({ error: 'validation.invalidType' }).optional(),
})
export type ChangeExpenseFundsInput = z.input<typeof changeExpenseFundsInput>

export const cancelExpenseInput = z.strictObject({ id: recordId, reason: requiredText(500) })
export const expensesInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  lineKey: z.string().max(40).nullish(),
})

export interface BudgetVersion {
  id: string
  year: number
  /** 0: initial budget; n: n-th revision. */
  number: number
  adoptedOn: string | null
  isCurrent: boolean
  /** Only the latest version of a year is edited; the earlier ones are kept as adopted. */
  editable: boolean
  note: string | null
  plannedIncome: number
  plannedExpense: number
}

/** Budget against actual, in euro cents, for one line, chapter or total. */
export interface BudgetFigures {
  planned: number
  committed: number
  spent: number
  /** Planned − spent (income: still to receive). */
  remaining: number
  /** Spent ÷ planned, as a fraction; null when nothing is planned. */
  executed: number | null
  /** Spent − planned: above the plan is positive. */
  variance: number
}

export interface BudgetSource {
  agreementId: string | null
  agreementReference: string | null
  amount: number
}

export interface BudgetItem {
  id: string
  parentId: string | null
  lineKey: string
  kind: 'chapter' | 'line'
  code: string
  label: string
  direction: BudgetDirection
  nature: BudgetNature
  tracks: BudgetTracking | null
  note: string | null
  sources: BudgetSource[]
  figures: BudgetFigures
  /** A line of agreements' receipts with no planned source: it counts no actuals, and says so. */
  noSource: boolean
  /** Nesting depth: 0 for a top chapter. */
  depth: number
}

export interface BudgetTotals {
  income: BudgetFigures
  expense: BudgetFigures
  byNature: Record<BudgetNature, BudgetFigures>
  /** Expense by planned source class: what the untied fund and the agreements pay. */
  bySource: { tied: BudgetFigures; untied: BudgetFigures }
  /** Income − expense, planned and actual. */
  balancePlanned: number
  balanceActual: number
  /** Share of planned income that is untied (dues, other income, untied agreements). */
  untiedShare: number | null
}

export interface BudgetView {
  version: BudgetVersion
  asOf: string
  items: BudgetItem[]
  totals: BudgetTotals
}

export interface BudgetExpense {
  id: string
  year: number
  lineKey: string
  lineLabel: string | null
  spentOn: string
  agreementId: string | null
  agreementReference: string | null
  headingCode: string | null
  supplier: string | null
  description: string
  amount: number
  currency: CurrencyCode
  eurAmount: number
  rate: string
  document: string | null
  cancelReason: string | null
  /** Its shares across funds when shared (empty otherwise), in their order. */
  shares: ExpenseShare[]
}
