import type { LedgerEntryInput } from '../funds/ledger'
import type { PreparedShare } from './expense-shares'

/** Who pays an expense, checked: its one fund's entry and heading, or its shares across funds. */
export interface Paying {
  headingCode: string | null
  entry: Omit<LedgerEntryInput, 'source'> | null
  shares: PreparedShare[]
}
