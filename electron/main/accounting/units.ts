import type { Closures } from './closures'
import type { LedgerRow } from './ledger-rows'
import type { PostingUnit } from './postings'

/** What a posting reads of a ledger entry; the city, budget line and project where known. */
export type UnitRow = Pick<
  LedgerRow,
  | 'id'
  | 'kind'
  | 'entry_date'
  | 'fund_class'
  | 'nature'
  | 'agreement_id'
  | 'bank_account_id'
  | 'currency'
  | 'amount_minor'
  | 'eur_minor'
  | 'reverses_id'
> &
  Partial<Pick<LedgerRow, 'city_id' | 'expense_line_key' | 'project_code'>>

/** A ledger entry as the posting rule reads it, booked on its day. */
export function unitOf(row: UnitRow, closures: Closures): PostingUnit {
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
    cityId: row.city_id ?? null,
    lineKey: row.expense_line_key ?? null,
    project: row.project_code ?? null,
  }
}
