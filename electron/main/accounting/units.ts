import type { Closures } from './closures'
import type { LedgerRow } from './ledger-rows'
import type { PostingUnit } from './postings'

/** A ledger entry as the posting rule reads it, booked on its day. */
export function unitOf(
  row: LedgerRow,
  closures: Closures,
  budgetLines: ReadonlyMap<string, string>,
): PostingUnit {
  return {
    id: row.id,
    kind: row.kind,
    bookedOn: closures.bookedOn(row.id, row.entry_date),
    entryDate: row.entry_date,
    fundClass: row.fund_class,
    nature: row.nature,
    agreementId: row.agreement_id,
    funderId: row.funder_id,
    funderKind: row.funder_kind,
    bankAccountId: row.bank_account_id,
    currency: row.currency,
    amount: row.amount_minor,
    eur: row.eur_minor,
    reversesId: row.reverses_id,
    cityId: row.city_id,
    budgetLine: row.expense_line_key ? (budgetLines.get(row.expense_line_key) ?? null) : null,
    project: row.project_code,
  }
}
