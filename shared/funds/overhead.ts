import { z } from 'zod'
import { optionalText, recordId } from '../validation/fields'
import { isoDate } from '../validation/dates'

/**
 * Overhead recovery: the indirect costs an agreement allows — its rate (7 % for the EU) of its
 * eligible direct costs — moved from the agreement to the untied fund, where they pay the
 * secretariat's own running costs. Posting brings what was recovered up (or down, after
 * cancelled spending) to what is allowed today, within what the agreement has available.
 */
export const overheadPostInput = z.strictObject({
  agreementId: recordId,
  postedOn: isoDate,
  note: optionalText(500),
})
export type OverheadPostInput = z.input<typeof overheadPostInput>

/** One posting as the agreement page lists it (live or cancelled). */
export interface OverheadPosting {
  id: string
  postedOn: string
  rateBp: number
  /** The eligible direct costs it was computed on, minor units of the agreement's currency. */
  base: number
  amount: number
  eurAmount: number
  note: string | null
  /** Why it was cancelled (a later recomputation), or null while it stands. */
  cancelReason: string | null
}

/** What the agreement page shows of its overhead, in minor units of its currency. */
export interface OverheadPosition {
  agreementId: string
  currency: string
  /** The indirect-cost rate in basis points; null: the agreement allows none. */
  rateBp: number | null
  /** Spending charged to the agreement outside its indirect headings and the recovery itself. */
  directCosts: number
  /** rate × direct costs, rounded half up: the cap. */
  allowed: number
  /** What the live postings moved to the untied fund. */
  posted: number
  /** What the agreement has received and not spent, besides overhead already posted. */
  available: number
  /**
   * What posting now would move: up to the cap and within what is available; negative when
   * more was recovered than is now allowed (spending cancelled since).
   */
  toPost: number
  postings: OverheadPosting[]
}
