import { sql } from 'kysely'
import type { DataFile } from '../db/data-file'

/**
 * The columns that name a record to a person, per table ("M-0042 Ville de Thiès",
 * "UE-ANE-2026"); the tables not listed are named by their kind only.
 */
const LABEL_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  funders: ['name'],
  agreements: ['reference'],
  members: ['code', 'name'],
  projects: ['code', 'title'],
  dues_calls: ['number'],
  budget_items: ['code', 'label'],
  budget_expenses: ['description'],
  cost_sharing_keys: ['name'],
  indicators: ['name'],
  other_income: ['label'],
  dues_payments: ['payer'],
  member_contacts: ['name'],
  accounting_accounts: ['number', 'label'],
  accounting_rules: ['role', 'account'],
  bank_accounts: ['label'],
  period_closures: ['closes_through'],
  sent_reports: ['title'],
  programmes: ['label'],
  agreement_contributions: ['contributor', 'description'],
  agreement_closings: ['closed_on'],
}

/** What names one record, archived or not; null when its table has no naming column. */
export async function recordLabel(
  db: DataFile['db'],
  table: string,
  id: string,
): Promise<string | null> {
  const columns = LABEL_COLUMNS[table]
  if (!columns) return null
  const found = await sql<Record<string, unknown>>`
    SELECT ${sql.join(columns.map((c) => sql.ref(c)))} FROM ${sql.table(table)}
    WHERE id = ${id}`.execute(db)
  const row = found.rows[0]
  if (!row) return null
  return columns
    .map((c) => row[c])
    .filter((v) => v !== null && v !== '')
    .join(' ')
}
