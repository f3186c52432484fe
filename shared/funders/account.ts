import type { Agreement, FundFigures } from '../funds/schema'
import type { Funder } from './schema'

/**
 * A funder's page: the funder, its agreements (each with its figures from the ledger), and their
 * totals in euros — committed, received, still expected, and the rest — summed in the core.
 */
export interface FunderAccount {
  funder: Funder
  agreements: Agreement[]
  totalsEur: FundFigures
}
