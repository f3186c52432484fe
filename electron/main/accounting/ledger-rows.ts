import { type RawBuilder, sql } from 'kysely'
import type { DataFile } from '../db/data-file'
import type { LedgerKind } from '../db/schema'

/** A ledger entry with what its accounting entry needs to say of it. */
export interface LedgerRow {
  id: string
  entry_date: string
  created_at: string
  kind: LedgerKind
  fund_class: 'tied' | 'untied'
  agreement_id: string | null
  nature: 'operating' | 'investment' | null
  amount_minor: number
  currency: string
  eur_minor: number
  use_id: string | null
  source_table: string
  source_id: string
  reverses_id: string | null
  bank_account_id: string | null
  agreement_reference: string | null
  funder_id: string | null
  funder_name: string | null
  funder_kind: string | null
  receipt_ref: string | null
  expense_description: string | null
  expense_supplier: string | null
  expense_document: string | null
  expense_line_key: string | null
  due_member_code: string | null
  due_member_name: string | null
  due_ref: string | null
  income_label: string | null
  project_code: string | null
  city_id: string | null
  city_code: string | null
  city_name: string | null
  tranche_number: number | null
  tranche_ref: string | null
}

function select(where: RawBuilder<unknown>) {
  return sql<LedgerRow>`
    SELECT e.id, e.entry_date, e.created_at, e.kind, e.fund_class, e.agreement_id, e.nature,
      e.amount_minor, e.currency, e.eur_minor, e.use_id, e.source_table, e.source_id,
      e.reverses_id, e.bank_account_id,
      a.reference AS agreement_reference, f.id AS funder_id, f.name AS funder_name,
      f.kind AS funder_kind,
      r.bank_reference AS receipt_ref,
      x.description AS expense_description, x.supplier AS expense_supplier,
      x.document AS expense_document, x.line_key AS expense_line_key,
      dm.code AS due_member_code, dm.name AS due_member_name, dp.bank_reference AS due_ref,
      oi.label AS income_label,
      pr.code AS project_code, pm.id AS city_id, pm.code AS city_code, pm.name AS city_name,
      t.number AS tranche_number, t.bank_reference AS tranche_ref
    FROM ledger_entries e
    LEFT JOIN agreements a ON a.id = e.agreement_id
    LEFT JOIN funders f ON f.id = a.funder_id
    LEFT JOIN receipts r ON e.source_table = 'receipts' AND r.id = e.source_id
    LEFT JOIN budget_expenses x ON e.source_table = 'budget_expenses' AND x.id = e.source_id
    LEFT JOIN dues_payments dp ON e.source_table = 'dues_payments' AND dp.id = e.source_id
    LEFT JOIN members dm ON dm.id = dp.member_id
    LEFT JOIN other_income oi ON e.source_table = 'other_income' AND oi.id = e.source_id
    LEFT JOIN financing_lines fl ON e.use_table = 'financing_lines' AND fl.id = e.use_id
    LEFT JOIN projects pr ON pr.id = fl.project_id
    LEFT JOIN members pm ON pm.id = pr.member_id
    LEFT JOIN tranches t ON e.source_table = 'tranches' AND t.id = e.source_id
    WHERE e.deleted_at IS NULL AND ${where}
    ORDER BY e.entry_date, e.id`
}

/** The ledger's entries dated between two days, with their context. */
export async function ledgerRowsBetween(
  db: DataFile['db'],
  from: string,
  to: string,
): Promise<LedgerRow[]> {
  return (await select(sql`e.entry_date >= ${from} AND e.entry_date <= ${to}`).execute(db)).rows
}

/** Some of the ledger's entries, by id. */
export async function ledgerRowsById(
  db: DataFile['db'],
  ids: readonly string[],
): Promise<LedgerRow[]> {
  const rows: LedgerRow[] = []
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500)
    rows.push(...(await select(sql`e.id IN (${sql.join(chunk)})`).execute(db)).rows)
  }
  return rows
}
