import type { DataFile } from '../db/data-file'
import type { Language } from '@shared/i18n/locale'
import type { AreaServices, ProvidedBy } from './area-services'
import { organisationServices } from '../organisation/services'
import { fundersServices } from '../funders/services'
import { programmesServices } from '../programmes/services'
import { historyServices } from '../history/services'
import { fundsServices } from '../funds/services'
import { backupServices } from '../backup/services'
import { membersServices } from '../members/services'
import { projectsServices } from '../projects/services'
import { duesServices } from '../dues/services'
import { budgetServices } from '../budget/services'
import { syncServices } from '../sync/services'
import { accountingServices } from '../accounting/services'

/**
 * What each area adds to the session (its `<area>/services.ts`), in the order they are built:
 * an area comes after those whose services it is given (the exchange rates before every money
 * area, the organisation before the dues letters). The `Session` type is derived from this list;
 * it sits below the areas' handlers (areas.ts), which use the session.
 */
export const AREA_SERVICES = [
  organisationServices,
  fundersServices,
  programmesServices,
  historyServices,
  fundsServices,
  backupServices,
  membersServices,
  projectsServices,
  duesServices,
  budgetServices,
  syncServices,
  accountingServices,
] as const

/**
 * `true` when each area's services are given only what the areas listed before it provide; an
 * area listed before one it needs makes the constant below fail to compile, naming what it needs.
 */
type BuiltInOrder<List extends readonly unknown[], Built = object> = List extends readonly [
  infer First,
  ...infer Rest,
]
  ? First extends AreaServices<infer Needs, infer Provides>
    ? Built extends Needs
      ? BuiltInOrder<Rest, Built & Provides>
      : { listedBeforeWhatItNeeds: Needs }
    : never
  : true

const BUILT_IN_ORDER: BuiltInOrder<typeof AREA_SERVICES> = true
void BUILT_IN_ORDER

type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (
  part: infer I,
) => void
  ? I
  : never

/** The services of the open file; they exist only while a file is open. */
export type Session = {
  file: DataFile
  /** The user's language, for the texts the core writes into records. */
  language: () => Language
} & Intersection<ProvidedBy<(typeof AREA_SERVICES)[number]>>
