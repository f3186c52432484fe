import type { LedgerKind } from '../db/schema'

/** A ledger entry, with the copy and the transaction that posted it. */
export interface Entry {
  id: string
  entry_date: string
  kind: LedgerKind
  fund_class: string
  agreement_id: string | null
  nature: string | null
  amount_minor: number
  currency: string
  eur_minor: number
  rate: string
  use_table: string | null
  use_id: string | null
  source_table: string
  source_id: string
  reverses_id: string | null
  /** The copy that posted it, its transaction and its stamp. */
  replica: string
  tx: string
  stamp: string
}
