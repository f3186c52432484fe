import type {
  AccountingAccountsTable,
  AccountingRulesTable,
  AccountingSettingsTable,
  BankAccountsTable,
  PeriodClosuresTable,
  SentReportsTable,
} from './tables/accounting-tables'
import type {
  BudgetExpensesTable,
  BudgetItemsTable,
  BudgetLineSourcesTable,
  BudgetVersionsTable,
  CostSharingKeysTable,
  ExpenseSharesTable,
} from './tables/budget-tables'
import type {
  DuesBandsTable,
  DuesCallsTable,
  DuesOverridesTable,
  DuesPaymentsTable,
  DuesSettingsTable,
  DuesSettlementsTable,
  LetterTemplatesTable,
} from './tables/dues-tables'
import type { ChangeLogTable, FileInfoTable, RecordColumns } from './tables/file-tables'
import type {
  AgreementAmendmentsTable,
  AgreementHeadingsTable,
  AgreementInstalmentsTable,
  AgreementClosingsTable,
  AgreementContributionsTable,
  AgreementReportsTable,
  AgreementsTable,
  ExchangeRatesTable,
  FundersTable,
  LedgerEntriesTable,
  OrganisationTable,
  OtherIncomeTable,
  OverheadRecoveriesTable,
  ProgrammesTable,
  ReceiptsTable,
} from './tables/funds-tables'
import type { MemberContactsTable, MemberRolesTable, MembersTable } from './tables/members-tables'
import type {
  AgreementProjectsTable,
  FinancingLinesTable,
  IndicatorValuesTable,
  IndicatorsTable,
  ProjectDocumentsTable,
  ProjectExpensesTable,
  ProjectTransitionsTable,
  ProjectsTable,
  TranchesTable,
} from './tables/projects-tables'
import type { SyncConflictsTable, SyncFilesTable } from './tables/sync-tables'

/**
 * The tables of an AIMF Finances file, as Kysely sees them: one file of tables per area
 * (tables/), joined here. Every record table shares RecordColumns (tables/file-tables.ts).
 */
export type * from './tables/file-tables'
export type * from './tables/funds-tables'
export type * from './tables/budget-tables'
export type * from './tables/members-tables'
export type * from './tables/projects-tables'
export type * from './tables/dues-tables'
export type * from './tables/accounting-tables'
export type * from './tables/sync-tables'

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
  expense_shares: ExpenseSharesTable
  cost_sharing_keys: CostSharingKeysTable
  sync_files: SyncFilesTable
  sync_conflicts: SyncConflictsTable
  agreement_reports: AgreementReportsTable
  agreement_instalments: AgreementInstalmentsTable
  agreement_headings: AgreementHeadingsTable
  other_income: OtherIncomeTable
  overhead_recoveries: OverheadRecoveriesTable
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
  agreement_contributions: AgreementContributionsTable
  agreement_closings: AgreementClosingsTable
}

/** The tables whose rows are records (UUID, stamps, soft delete) written through the change log. */
export type RecordTable = {
  [T in keyof Database]: Database[T] extends RecordColumns ? T : never
}[keyof Database]
