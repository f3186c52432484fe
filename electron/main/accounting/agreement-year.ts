/** The two natures of a grant or an expense in the annual accounts. */
export type Nature = 'operating' | 'investment'
export type ByNature = Record<Nature, number>

/**
 * One agreement's year, in euro cents, as the annual accounts see it: what was notified, the
 * share of future years (deferred income) at each end, what was used — grants committed to
 * cities and expenses — and, for a tied agreement, the dedicated funds carried at each end.
 */
export interface AgreementYear {
  agreementId: string
  reference: string
  funderId: string | null
  funderName: string
  funderKind: string | null
  fundClass: 'tied' | 'untied'
  year: number
  committed: ByNature
  received: number
  used: ByNature
  futureStart: ByNature
  futureEnd: ByNature
  /** Notified in the year, less the change of the share of future years. */
  income: number
  dedicatedStart: number
  /** The opening dedicated funds used in the year (reprises, 789). */
  dedicatedUsed: number
  /** What was carried to dedicated funds at the year's end (reports, 689). */
  dedicatedAdded: number
  dedicatedEnd: number
  /** Dedicated funds left with no spending in this year and the one before. */
  idle: boolean
}
