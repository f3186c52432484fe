import type { DataFile } from '../db/data-file'
import type { AreaServices, ProvidedBy, ServiceContext } from './area-services'
import type { Session, SessionServices } from './session'
import { AREAS } from '../areas'
import type { Language } from '@shared/i18n/locale'
import { today } from '@shared/validation/dates'
import { buildReport } from '../reports/build-report'
import { ServerPasswords } from '../sync/server-passwords'

/** The services declarations of the areas, in the order of AREAS (the areas keeping none left out). */
type ServicesOf<List extends readonly unknown[]> = List extends readonly [
  infer First,
  ...infer Rest,
]
  ? First extends { services: infer S }
    ? S extends AreaServices<never, object>
      ? [S, ...ServicesOf<Rest>]
      : ServicesOf<Rest>
    : ServicesOf<Rest>
  : []

type AreasServices = ServicesOf<typeof AREAS>

/**
 * `true` when each area's services are given only what the areas listed before it provide; an
 * area listed before one it needs makes the constant below fail to compile, naming what it needs.
 */
export type BuiltInOrder<List extends readonly unknown[], Built = object> = List extends readonly [
  infer First,
  ...infer Rest,
]
  ? First extends AreaServices<infer Needs, infer Provides>
    ? Built extends Needs
      ? BuiltInOrder<Rest, Built & Provides>
      : { listedBeforeWhatItNeeds: Needs }
    : never
  : true

type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (
  part: infer I,
) => void
  ? I
  : never

/**
 * `true` when the services declarations listed build exactly `Services`, each with its type: a
 * service an area declares in its `services.ts` (app/session.ts's `SessionServices`) but whose
 * area is not in AREAS, or the reverse, fails to compile where this is asked, naming it.
 */
export type BuildsExactly<List extends readonly unknown[], Services> =
  Intersection<ProvidedBy<List[number]>> extends infer Built
    ? [Exclude<keyof Services, keyof Built>] extends [never]
      ? [Exclude<keyof Built, keyof Services>] extends [never]
        ? [Built] extends [Services]
          ? true
          : { typedOtherwise: keyof Services }
        : { builtButNotInTheSession: Exclude<keyof Built, keyof Services> }
      : { inTheSessionButNotBuilt: Exclude<keyof Services, keyof Built> }
    : never

const BUILT_IN_ORDER: BuiltInOrder<AreasServices> = true
const BUILDS_THE_SESSION: BuildsExactly<AreasServices, SessionServices> = true
void BUILT_IN_ORDER
void BUILDS_THE_SESSION

/** The services declarations, in build order, as the loop below reads them. */
const AREA_SERVICES = AREAS.flatMap((area) =>
  area.services === undefined ? [] : [area.services as AreaServices<never, object>],
)

/**
 * The services of a file, all over the same connection, each area's built in the order of
 * AREAS (areas.ts). `language` is the user's, for the texts the core writes into records (the
 * basis of a dues call).
 */
export function createSession(
  file: DataFile,
  language: () => Language = () => 'fr',
  backupFolder: () => string | null = () => null,
  passwords = new ServerPasswords(null),
): Session {
  const built: Record<string, unknown> = { file, language }
  const context: ServiceContext = {
    file,
    language,
    today: () => today(),
    now: () => new Date(),
    backupFolder,
    passwords,
    buildReport: (request, reportLanguage) => buildReport(session, request, reportLanguage),
  }
  for (const area of AREA_SERVICES) Object.assign(built, area.build(context, earlier(built)))
  // Every service is there: the areas listed build exactly the session's (BUILDS_THE_SESSION).
  const session = built as unknown as Session
  return session
}

/**
 * The services built so far, as an area's declaration reads them: one listed later in AREAS is
 * a mistake in that list, refused at once rather than left undefined.
 */
function earlier(built: Record<string, unknown>): never {
  return new Proxy(built, {
    get(target, name) {
      if (typeof name === 'string' && !(name in target)) {
        throw new Error(`The service "${name}" is used before its area is built (AREAS)`)
      }
      return Reflect.get(target, name)
    },
  }) as never
}
