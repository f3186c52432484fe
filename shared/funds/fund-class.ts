/**
 * How an agreement's money may be used. IATI's earmarking categories are kept beside it:
 * untied = 4 (core contributions), programme = 2, named projects = 1.
 */
export const EARMARKINGS = ['untied', 'programme', 'projects'] as const
export type Earmarking = (typeof EARMARKINGS)[number]
export const IATI_EARMARKING: Record<Earmarking, '1' | '2' | '4'> = {
  untied: '4',
  programme: '2',
  projects: '1',
}

/** Untied money is délié; the other two are tied (fléché). */
export type FundClass = 'tied' | 'untied'
export function fundClassOf(earmarking: Earmarking): FundClass {
  return earmarking === 'untied' ? 'untied' : 'tied'
}

/** The figures of a fund, in the order they are shown. */
export const FUND_FIGURE_KEYS = [
  'committed',
  'received',
  'expected',
  'allocated',
  'spent',
  'available',
  'unallocated',
] as const

/** The money figures of a fund (an agreement or a class of funds), in minor units. */
export interface FundFigures {
  committed: number
  received: number
  expected: number
  allocated: number
  spent: number
  /** received − spent */
  available: number
  /** committed − allocated */
  unallocated: number
}
