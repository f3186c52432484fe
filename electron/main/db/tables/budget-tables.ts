import type { RecordColumns } from './file-tables'

// The tables of the budget: versions, items, their sources and expenses.

export type BudgetTracking = 'expenses' | 'cooperation_fund' | 'dues' | 'receipts' | 'other_income'

export interface BudgetVersionsTable extends RecordColumns {
  year: number
  /** 0 for the initial budget, n for the n-th revision. */
  number: number
  adopted_on: string | null
  is_current: number
  note: string | null
}

export interface BudgetItemsTable extends RecordColumns {
  version_id: string
  parent_id: string | null
  /** Shared by the copies of one line across the versions of a year. */
  line_key: string
  item_kind: 'chapter' | 'line'
  position: number
  code: string
  label: string
  direction: 'income' | 'expense' | null
  nature: 'operating' | 'investment' | null
  /** In euro cents. */
  planned_minor: number
  tracks: BudgetTracking | null
  note: string | null
}

export interface BudgetLineSourcesTable extends RecordColumns {
  item_id: string
  /** Null for the untied fund. */
  agreement_id: string | null
  amount_minor: number
}

export interface BudgetExpensesTable extends RecordColumns {
  year: number
  line_key: string
  spent_on: string
  agreement_id: string | null
  heading_code: string | null
  supplier: string | null
  description: string
  amount_minor: number
  currency: string
  eur_minor: number
  rate: string
  document: string | null
  cancel_reason: string | null
}

/** A share of a shared expense (migration 18): a fund, its heading, its part of the expense. */
export interface ExpenseSharesTable extends RecordColumns {
  expense_id: string
  position: number
  /** Null for the untied fund. */
  agreement_id: string | null
  heading_code: string | null
  /** The percentage entered (basis points), null when entered as an amount. */
  percent_bp: number | null
  /** In the expense's currency. */
  amount_minor: number
  eur_minor: number
}

/** A saved cost-sharing key: its shares, as JSON (see shared/budget/cost-sharing.ts). */
export interface CostSharingKeysTable extends RecordColumns {
  name: string
  shares: string
  note: string | null
}
