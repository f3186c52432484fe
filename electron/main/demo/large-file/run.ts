import type { Session } from '../../app/session'
import type { CurrencyCode } from '@shared/money/currencies'
import type { DefaultProgrammeCode as Programme } from '@shared/programmes/schema'

/** The author stamped on every change of a generated file. */
export const GENERATED_AUTHOR = 'Fichier généré'

export interface LargeFileOptions {
  /** How many years of history, ending with `lastYear`. */
  years: number
  /** The same seed gives the same records and amounts (ids and time stamps differ). */
  seed: number
  /** The last year of history: a complete year before the current one, so no date is future. */
  lastYear: number
  /** Called as each part of the file is written. */
  onProgress?: (part: LargeFilePart, done: number, total: number) => void
}

export type LargeFilePart = 'funds' | 'projects' | 'dues' | 'budget'

/** What a generated file holds, for the benchmark's report. */
export interface LargeFileCounts {
  members: number
  agreements: number
  projects: number
  projectExpenses: number
  budgetExpenses: number
}

/** A small, fast, seeded random generator (mulberry32). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface TiedCapacity {
  id: string
  currency: CurrencyCode
  programme: Programme
  startsOn: string
  endsOn: string
  /** What is still free to commit, in cents of the agreement's currency (EUR or USD). */
  free: number
}

/**
 * One generation under way: the session it writes through, its seeded draws, what it has
 * written so far, and the tied agreements projects can still be charged to.
 */
export class LargeFileRun {
  readonly random: () => number
  readonly firstYear: number
  readonly counts: LargeFileCounts = {
    members: 0,
    agreements: 0,
    projects: 0,
    projectExpenses: 0,
    budgetExpenses: 0,
  }
  readonly tied: TiedCapacity[] = []

  constructor(
    readonly session: Session,
    readonly options: LargeFileOptions,
  ) {
    this.random = seededRandom(options.seed)
    this.firstYear = options.lastYear - options.years + 1
  }

  int(from: number, to: number): number {
    return from + Math.floor(this.random() * (to - from + 1))
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)]
    if (item === undefined) throw new Error('Nothing to pick from')
    return item
  }

  day(year: number, fromMonth = 1, toMonth = 12): string {
    const month = this.int(fromMonth, toMonth)
    return `${year}-${String(month).padStart(2, '0')}-${String(this.int(1, 28)).padStart(2, '0')}`
  }

  progress(part: LargeFilePart, done: number, total: number): void {
    this.options.onProgress?.(part, done, total)
  }
}
