import type { Generated } from 'kysely'
import type { RateSeries } from '@shared/funds/rate-series'
import type { RecordColumns } from './file-tables'
import type { ConversionRule } from '@shared/funds/conversion-rule'

// The tables of funders, agreements, receipts, rates, other income, programmes and the fund ledger.

/** A single row (id {@link ORGANISATION_ID}): the details printed on reports. */
export interface OrganisationTable extends RecordColumns {
  name: string
  address: string | null
  email: string | null
  website: string | null
  /** The logo as a data: URL (PNG or JPEG, 1 MB at most). */
  logo: string | null
}

export interface FundersTable extends RecordColumns {
  name: string
  acronym: string | null
  kind: string
  country: string | null
  default_currency: string
  contact_name: string | null
  contact_email: string | null
  contact_phone: string | null
  notes: string | null
}

export interface ExchangeRatesTable extends RecordColumns {
  currency: string
  rate_date: string
  rate: string
  source: string
  /** Which series the rate belongs to (migration 13); the bank's when typed in. */
  series: Generated<RateSeries>
}

export interface AgreementsTable extends RecordColumns {
  funder_id: string
  reference: string
  title: string
  signed_on: string | null
  starts_on: string
  ends_on: string
  currency: string
  amount_minor: number
  earmarking: string
  programme: string | null
  /** The AIMF programme a programme-tied agreement funds (a code of PROGRAMMES). */
  programme_code: string | null
  nature: string
  operating_share_bp: number | null
  cofinancing_bp: number | null
  indirect_cost_max_bp: number | null
  notes: string | null
  /** How spending is converted for the funder (shared/funds/conversion-rule.ts). */
  conversion_rule: Generated<ConversionRule>
  /** 1 when the agreement follows the EU's PRAG rules (+25 % per heading, the 70 % test). */
  is_eu_prag: Generated<number>
}

export interface AgreementAmendmentsTable extends RecordColumns {
  agreement_id: string
  signed_on: string
  amount_change_minor: number
  new_ends_on: string | null
  note: string | null
}

export interface ReceiptsTable extends RecordColumns {
  agreement_id: string
  received_on: string
  amount_minor: number
  currency: string
  eur_minor: number
  rate: string
  rate_date: string | null
  rate_source: string
  bank_reference: string | null
  note: string | null
}

export type LedgerKind =
  | 'commitment'
  | 'receipt'
  | 'allocation'
  | 'disbursement'
  | 'expense'
  | 'due_payment'
  | 'other_income'

/** One money event of the fund ledger; never updated (a correction reverses it). */
export interface LedgerEntriesTable extends RecordColumns {
  entry_date: string
  kind: LedgerKind
  fund_class: 'tied' | 'untied'
  agreement_id: string | null
  nature: 'operating' | 'investment' | null
  amount_minor: number
  currency: string
  eur_minor: number
  rate: string
  use_table: string | null
  use_id: string | null
  source_table: string
  source_id: string
  reverses_id: string | null
  /** The donor heading a tied expense or disbursement charges, where the agreement has some. */
  heading_code: string | null
  /** The bank account a cash event went through; null: its currency's default in the chart. */
  bank_account_id: string | null
  /** Why a reversing entry reverses (what the person who cancelled the record gave). */
  reason: string | null
}

export interface AgreementReportsTable extends RecordColumns {
  agreement_id: string
  kind: 'interim' | 'final'
  due_on: string
  period_from: string | null
  period_to: string | null
  status: 'to_prepare' | 'sent' | 'accepted'
  sent_on: string | null
  note: string | null
}

export interface AgreementInstalmentsTable extends RecordColumns {
  agreement_id: string
  expected_on: string
  amount_minor: number
  note: string | null
}

export interface AgreementHeadingsTable extends RecordColumns {
  agreement_id: string
  position: number
  code: string
  label: string
  role: 'direct' | 'indirect' | 'contingency'
  amount_minor: number
}

export interface OtherIncomeTable extends RecordColumns {
  received_on: string
  label: string
  amount_minor: number
  currency: string
  eur_minor: number
  rate: string
  note: string | null
}

/** A programme the secretariat added, or a default one it renamed or archived. */
export interface ProgrammesTable extends RecordColumns {
  code: string
  label: string
  label_en: string | null
  position: number
}

/** Indirect costs moved from an agreement to the untied fund (migration 16); never changed. */
export interface OverheadRecoveriesTable extends RecordColumns {
  agreement_id: string
  posted_on: string
  /** The agreement's indirect-cost rate when posted, in basis points (700 = 7 %). */
  rate_bp: number
  /** The eligible direct costs it was computed on, in the agreement's currency. */
  base_minor: number
  amount_minor: number
  currency: string
  eur_minor: number
  rate: string
  note: string | null
  cancel_reason: string | null
}

/** Co-financing brought to an agreement's action besides its funder's money (migration 17). */
export interface AgreementContributionsTable extends RecordColumns {
  agreement_id: string
  /** Cash counts among the action's eligible costs; in kind only towards the co-financing. */
  kind: 'cash' | 'in_kind'
  contributed_on: string
  contributor: string
  description: string
  amount_minor: number
  currency: string
  note: string | null
}

/** An agreement's closing statement as established (migration 17); archived when reopened. */
export interface AgreementClosingsTable extends RecordColumns {
  agreement_id: string
  closed_on: string
  currency: string
  ceiling_minor: number
  eligible_minor: number
  ineligible_minor: number
  cash_cofinancing_minor: number
  in_kind_minor: number
  /** Eligible spending by the conversion rule less at the bank (migration 19). */
  exchange_difference_minor: Generated<number>
  funder_share_bp: number | null
  final_due_minor: number
  received_minor: number
  refund_minor: number
  refund_eur_minor: number
  refund_rate: string
  note: string | null
  reopen_reason: string | null
}
