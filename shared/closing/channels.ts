import { channel } from '../contract/channel'
import { reversalInput } from '../validation/fields'
import { type ClosingStatement, closeInput, contributionInput, statementQuery } from './schema'

/** The channels of an agreement's closing and its co-financing (see shared/contract/channels.ts). */
export const CLOSING_CHANNELS = {
  /** The closing statement: as established if closed, as it would be today otherwise. */
  'closing.statement': channel<ClosingStatement>()(statementQuery),
  'closing.addContribution': channel<ClosingStatement>()(contributionInput),
  'closing.cancelContribution': channel<ClosingStatement>()(reversalInput),
  /** Closes the agreement; the refund, if any, is posted to the ledger. Asks for confirmation. */
  'closing.close': channel<ClosingStatement>()(closeInput),
  /** Reopens it: the closing archived, its refund reversed, with the reason. */
  'closing.reopen': channel<ClosingStatement>()(reversalInput),
} as const
