import type { DataFile } from '../db/data-file'
import type { ServiceContext } from './area-services'
import { AREA_SERVICES, type Session } from './session-services'
import type { Language } from '@shared/i18n/locale'
import { today } from '@shared/validation/dates'
import { buildReport } from '../reports/build-report'
import { ServerPasswords } from '../sync/server-passwords'

export type { Session } from './session-services'

/**
 * The services of a file, all over the same connection, each area's built in the order of
 * AREA_SERVICES. `language` is the user's, for the texts the core writes into records (the
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
  const session = built as Session
  return session
}

/**
 * The services built so far, as an area's declaration reads them: one listed later in
 * AREA_SERVICES is a mistake in that list, refused at once rather than left undefined.
 */
function earlier(built: Record<string, unknown>): never {
  return new Proxy(built, {
    get(target, name) {
      if (typeof name === 'string' && !(name in target)) {
        throw new Error(`The service "${name}" is used before its area is built (AREA_SERVICES)`)
      }
      return Reflect.get(target, name)
    },
  }) as never
}
