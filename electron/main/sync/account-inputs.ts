import { INSERTED_RECORD } from '../changelog/record-writer'

/**
 * What the accounts check after a merge reads (review.ts: `aimf check`'s ledger, dues, project
 * and duplicate invariants, the closed periods, the money events entered twice): the ledger, the
 * records it comes from, the dues' calls and settlements, the closings and the accounting
 * settings — whole tables —, and the names and codes that must name one live record. A merge
 * that changes none of these cannot break the accounts, so the check is not run after it: two
 * thousand edits of funders' notes merge in milliseconds, not in the seconds of reading twenty
 * years of ledger.
 */
const ACCOUNT_TABLES = new Set([
  'ledger_entries',
  'agreements',
  'agreement_amendments',
  'receipts',
  'other_income',
  'overhead_recoveries',
  'financing_lines',
  'project_transitions',
  'tranches',
  'budget_expenses',
  'expense_shares',
  'dues_payments',
  'dues_calls',
  'dues_settlements',
  'period_closures',
  'agreement_closings',
  'agreement_contributions',
  'accounting_settings',
  'accounting_rules',
  'accounting_accounts',
  'bank_accounts',
])

/** Tables of which the check reads one column (duplicate-invariants.ts), and their archiving. */
const ACCOUNT_COLUMNS: Readonly<Record<string, string>> = {
  funders: 'name',
  members: 'code',
  projects: 'code',
  programmes: 'code',
}

/** Whether a change writes something the accounts check reads. */
export function touchesAccounts(table: string, column: string): boolean {
  if (ACCOUNT_TABLES.has(table)) return true
  const named = ACCOUNT_COLUMNS[table]
  return (
    named !== undefined &&
    (column === named || column === INSERTED_RECORD || column === 'deleted_at')
  )
}
