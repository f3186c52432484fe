import type { Closures } from './closures'
import type { LedgerRow } from './ledger-rows'
import type { PostingUnit } from './postings'

/** A ledger entry as the posting rule reads it, booked on its day. */
export function unitOf(row: LedgerRow, closures: Closures): PostingUnit {
  return {
    id: row.id,
    kind: row.kind,
    bookedOn: closures.bookedOn(row.id, row.entry_date),
    entryDate: row.entry_date,
    fundClass: row.fund_class,
    nature: row.nature,
    agreementId: row.agreement_id,
    bankAccountId: row.bank_account_id,
    currency: row.currency,
    amount: row.amount_minor,
    eur: row.eur_minor,
    reversesId: row.reverses_id,
    cityId: row.city_id,
    lineKey: row.expense_line_key,
    project: row.project_code,
  }
}
