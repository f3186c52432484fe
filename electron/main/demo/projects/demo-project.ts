import type { CurrencyCode } from '@shared/money/currencies'
import type {
  FinancingSource,
  IndicatorLevel,
  IndicatorMeasure,
  ProjectStatus,
} from '@shared/projects/schema'
import type { DefaultProgrammeCode } from '@shared/programmes/schema'

/** A demo project: its record, its lifecycle, its financing and what was done. */
export interface DemoProject {
  code: string
  /** The member's demo code (DEMO_MEMBERS). */
  member: string
  title: string
  /** The title in English, for the funders that read English and the IATI registry. */
  titleEn?: string
  sector: string
  programme: DefaultProgrammeCode
  currency: CurrencyCode
  cost: string
  startsOn: string
  endsOn: string
  objectives?: string
  /** The lifecycle after the application, each status with its date. */
  path: [ProjectStatus, string][]
  abandonReason?: string
  /** Sources: the agreement's reference, or the partner's name; AIMF lines are committed on approval. */
  /** Source, agreement or partner, amount, and the donor heading an agreement line charges. */
  lines: [FinancingSource, string | null, string, string?][]
  tranches?: { on: string; amount: string; paidOn?: string; condition?: string; metOn?: string }[]
  indicators?: {
    name: string
    level: IndicatorLevel
    measure: IndicatorMeasure
    unit?: string
    baseline?: string
    target: string
    values?: [string, string][]
  }[]
  expenses?: [on: string, supplier: string, description: string, amount: string][]
}

/** The Bureau meeting recorded with a demo approval. */
export function bureauMeetingOf(date: string): string {
  return `Bureau du ${date.split('-').reverse().join('/')}`
}
