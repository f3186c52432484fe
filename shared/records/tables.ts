/**
 * Every table of records: the rows the users make, each born in the change log (UUID key, HLC
 * stamps, soft delete). The one list the file check (`aimf check`) and the history read; sync
 * derives its own from the schema and its foreign keys. A new area adds its tables here.
 * In the order the journal offers them as filters.
 */
export const RECORD_TABLES = [
  'funders',
  'organisation',
  'agreements',
  'agreement_amendments',
  'receipts',
  'ledger_entries',
  'exchange_rates',
  'agreement_reports',
  'agreement_instalments',
  'agreement_headings',
  'other_income',
  'overhead_recoveries',
  'members',
  'projects',
  'project_transitions',
  'agreement_projects',
  'financing_lines',
  'tranches',
  'project_expenses',
  'indicators',
  'indicator_values',
  'project_documents',
  'member_contacts',
  'member_roles',
  'dues_bands',
  'dues_overrides',
  'dues_calls',
  'dues_payments',
  'dues_settlements',
  'letter_templates',
  'dues_settings',
  'budget_versions',
  'budget_items',
  'budget_line_sources',
  'budget_expenses',
  'expense_shares',
  'cost_sharing_keys',
  'accounting_accounts',
  'accounting_rules',
  'bank_accounts',
  'accounting_settings',
  'period_closures',
  'sent_reports',
  'programmes',
  'agreement_contributions',
  'agreement_closings',
] as const

export type RecordTable = (typeof RECORD_TABLES)[number]

/**
 * Tables whose history is not offered by table: the ledger's entries are shown with the record
 * that made them, and programmes have no history screen yet.
 */
const NOT_IN_HISTORY = ['ledger_entries', 'programmes'] as const

export type HistoryTable = Exclude<RecordTable, (typeof NOT_IN_HISTORY)[number]>

/** The tables whose history the interface may show. */
export const HISTORY_TABLES = RECORD_TABLES.filter(
  (table): table is HistoryTable => !(NOT_IN_HISTORY as readonly string[]).includes(table),
) as [HistoryTable, ...HistoryTable[]]
