import type { Generated } from 'kysely'
import type { SyncConflict } from '@shared/sync/schema'
import type { RateSeries } from '@shared/funds/rate-series'
import type { ConversionRule } from '@shared/funds/conversion-rule'

/**
 * The tables of an AIMF Finances file, as Kysely sees them.
 *
 * Every record table shares {@link RecordColumns}: a time-ordered text UUID (UUIDv7), ISO-8601
 * UTC stamps, and `deleted_at` for soft deletion (archiving), so that records can be merged
 * between machines later without key collisions and without losing a deletion.
 */
export interface RecordColumns {
  id: string
  created_at: string
  updated_at: string
  /** Set when the record is archived; archived records stay, with their history. */
  deleted_at: string | null
}

/** Facts about this file on this machine; never synchronised. */
export interface FileInfoTable {
  key: string
  value: string
}

/**
 * The append-only change log: one row per changed column of a record, in the same transaction
 * as the change. A row is never updated or deleted (triggers refuse it).
 */
export interface ChangeLogTable {
  /** Hybrid logical clock stamp: sortable, unique across machines (it ends with the replica id). */
  hlc: string
  /** Groups the rows written by one transaction (one user action). */
  tx_id: string
  replica_id: string
  table_name: string
  row_id: string
  column_name: string
  /** JSON of the value before the change; null for a new record. */
  old_value: string | null
  /** JSON of the value after the change. */
  new_value: string | null
  author: string
  op: ChangeOp
  recorded_at: string
  seq: Generated<number>
}

export type ChangeOp = 'insert' | 'update' | 'delete' | 'restore'

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

export interface MembersTable extends RecordColumns {
  code: string
  kind: string
  name: string
  country: string | null
  region: string | null
  population: number | null
  population_year: number | null
  leader_name: string | null
  address: string | null
  email: string | null
  phone: string | null
  joined_on: string | null
  status: string
  status_on: string | null
  status_reason: string | null
  notes: string | null
}

export interface ProjectsTable extends RecordColumns {
  code: string
  title: string
  member_id: string
  region: string | null
  sector_code: string
  programme: string
  nature: 'operating' | 'investment'
  currency: string
  total_cost_minor: number
  starts_on: string | null
  ends_on: string | null
  status: string
  approved_on: string | null
  bureau_meeting: string | null
  objectives: string | null
  description: string | null
  title_en: string | null
  description_en: string | null
  contact_name: string | null
  contact_email: string | null
  contact_phone: string | null
}

export interface ProjectTransitionsTable extends RecordColumns {
  project_id: string
  from_status: string | null
  to_status: string
  on_date: string
  author: string
  note: string | null
  override_reason: string | null
}

export interface AgreementProjectsTable extends RecordColumns {
  agreement_id: string
  project_id: string
}

export interface FinancingLinesTable extends RecordColumns {
  project_id: string
  source: string
  agreement_id: string | null
  partner_name: string | null
  amount_minor: number
  currency: string
  eur_minor: number
  rate: string
  committed_on: string | null
  note: string | null
  heading_code: string | null
}

export interface TranchesTable extends RecordColumns {
  project_id: string
  number: number
  planned_on: string
  amount_minor: number
  condition: string | null
  condition_met_on: string | null
  status: string
  released_on: string | null
  paid_on: string | null
  paid_amount_minor: number | null
  paid_eur_minor: number | null
  bank_reference: string | null
  override_reason: string | null
  cancel_reason: string | null
}

export interface ProjectExpensesTable extends RecordColumns {
  project_id: string
  spent_on: string
  supplier: string | null
  description: string
  amount_minor: number
  currency: string
  eur_minor: number
  rate: string
  agreement_id: string | null
  heading_code: string | null
  document: string | null
}

export interface IndicatorsTable extends RecordColumns {
  project_id: string
  position: number
  name: string
  level: string
  measure: string
  unit: string | null
  baseline_value: string | null
  baseline_on: string | null
  target_value: string
  target_on: string | null
}

export interface IndicatorValuesTable extends RecordColumns {
  indicator_id: string
  period_end: string
  value: string
  comment: string | null
}

export interface ProjectDocumentsTable extends RecordColumns {
  project_id: string
  title: string
  stored_name: string
  original_name: string
  size: number
  sha256: string
}

export interface MemberContactsTable extends RecordColumns {
  member_id: string
  name: string
  role: string | null
  email: string | null
  phone: string | null
}

export interface MemberRolesTable extends RecordColumns {
  member_id: string
  body: 'bureau' | 'permanent_commission'
  role: string
  starts_on: string
  ends_on: string | null
}

export interface DuesBandsTable extends RecordColumns {
  year: number
  member_kind: string
  population_from: number
  population_to: number | null
  amount_minor: number
  currency: string
  label: string
}

export interface DuesOverridesTable extends RecordColumns {
  member_id: string
  year: number
  amount_minor: number
  currency: string
  reason: string
}

export interface DuesCallsTable extends RecordColumns {
  number: string
  member_id: string
  year: number
  called_on: string
  due_on: string
  amount_minor: number
  currency: string
  eur_minor: number
  basis: string
  cancelled_on: string | null
  cancel_reason: string | null
}

export interface DuesPaymentsTable extends RecordColumns {
  member_id: string
  kind: 'dues' | 'voluntary'
  received_on: string
  payer: string | null
  amount_minor: number
  currency: string
  eur_minor: number
  rate: string
  method: string
  bank_reference: string | null
  note: string | null
}

export interface DuesSettlementsTable extends RecordColumns {
  payment_id: string
  call_id: string
  call_amount_minor: number
  payment_amount_minor: number
  eur_minor: number
}

export interface LetterTemplatesTable extends RecordColumns {
  kind: 'call' | 'reminder' | 'receipt' | 'statement'
  language: 'fr' | 'en'
  subject: string
  body: string
}

export interface DuesSettingsTable extends RecordColumns {
  arrears_tolerance_eur_minor: number
  payment_days: number
}

/** An account added to the chart, or a default account renamed (accounting/plan.ts). */
export interface AccountingAccountsTable extends RecordColumns {
  number: string
  label: string
  note: string | null
}

/** Which account a role of a ledger event goes to, under conditions, from a day on. */
export interface AccountingRulesTable extends RecordColumns {
  role: string
  fund_class: 'tied' | 'untied' | null
  nature: 'operating' | 'investment' | null
  funder_kind: string | null
  budget_line: string | null
  account: string
  valid_from: string
  note: string | null
}

export interface BankAccountsTable extends RecordColumns {
  label: string
  currency: string
  account: string
  journal_code: string
  journal_label: string
  iban: string | null
  is_default: number
  note: string | null
}

/** One row (id ACCOUNTING_SETTINGS_ID): the general journals and the SIREN. */
export interface AccountingSettingsTable extends RecordColumns {
  siren: string | null
  general_journal_code: string
  general_journal_label: string
  opening_journal_code: string
  opening_journal_label: string
}

/** A closed period: the days after `previous_through` up to `closes_through`. */
export interface PeriodClosuresTable extends RecordColumns {
  closes_through: string
  previous_through: string | null
  closed_on: string
  /** The ids of the ledger entries it closed, sorted, one per line. */
  ledger_ids: string
  /** Those of them dated before `previous_through`: booked on the day after it. */
  late_ids: string
  entry_count: number
  /** JSON: each journal's entries, totals and last number in the period. */
  journals: string
  digest: string
  /** JSON: the plan and the records' attributes the period's books were made with. */
  frozen: string
  note: string | null
  reopen_reason: string | null
}

/** A report sent to a funder, as it was sent: its request, figures and digest. */
export interface SentReportsTable extends RecordColumns {
  kind: string
  agreement_id: string | null
  title: string
  request: string
  sent_on: string
  recipient: string | null
  note: string | null
  format: string | null
  digest: string
  row_digests: string
  figures: string
}

/** A programme the secretariat added, or a default one it renamed or archived. */
export interface ProgrammesTable extends RecordColumns {
  code: string
  label: string
  label_en: string | null
  position: number
}

/** A change file of another copy, applied here once. */
export interface SyncFilesTable {
  name: string
  replica_id: string
  changes: number
  applied_at: string
}

/** Something a merge kept that a person should look at ("À vérifier"), as the table holds it. */
export type SyncConflictsTable = Omit<SyncConflict, 'record' | 'duplicate'>

export interface Database {
  file_info: FileInfoTable
  change_log: ChangeLogTable
  organisation: OrganisationTable
  funders: FundersTable
  exchange_rates: ExchangeRatesTable
  agreements: AgreementsTable
  agreement_amendments: AgreementAmendmentsTable
  receipts: ReceiptsTable
  ledger_entries: LedgerEntriesTable
  budget_versions: BudgetVersionsTable
  budget_items: BudgetItemsTable
  budget_line_sources: BudgetLineSourcesTable
  budget_expenses: BudgetExpensesTable
  sync_files: SyncFilesTable
  sync_conflicts: SyncConflictsTable
  agreement_reports: AgreementReportsTable
  agreement_instalments: AgreementInstalmentsTable
  agreement_headings: AgreementHeadingsTable
  other_income: OtherIncomeTable
  members: MembersTable
  projects: ProjectsTable
  project_transitions: ProjectTransitionsTable
  agreement_projects: AgreementProjectsTable
  financing_lines: FinancingLinesTable
  tranches: TranchesTable
  project_expenses: ProjectExpensesTable
  indicators: IndicatorsTable
  indicator_values: IndicatorValuesTable
  project_documents: ProjectDocumentsTable
  member_contacts: MemberContactsTable
  member_roles: MemberRolesTable
  dues_bands: DuesBandsTable
  dues_overrides: DuesOverridesTable
  dues_calls: DuesCallsTable
  dues_payments: DuesPaymentsTable
  dues_settlements: DuesSettlementsTable
  letter_templates: LetterTemplatesTable
  dues_settings: DuesSettingsTable
  accounting_accounts: AccountingAccountsTable
  accounting_rules: AccountingRulesTable
  bank_accounts: BankAccountsTable
  accounting_settings: AccountingSettingsTable
  period_closures: PeriodClosuresTable
  sent_reports: SentReportsTable
  programmes: ProgrammesTable
}

/** The tables whose rows are records (UUID, stamps, soft delete) written through the change log. */
export type RecordTable = {
  [T in keyof Database]: Database[T] extends RecordColumns ? T : never
}[keyof Database]
