import type { DataFile } from '../db/data-file'
import type { SentReportsService } from '../accounting/sent-reports'
import type { ServerPasswords } from '../sync/server-passwords'
import type { Language } from '@shared/i18n/locale'

/** What every area's services are built from: the open file and the session's surroundings. */
export interface ServiceContext {
  file: DataFile
  /** The user's language, for the texts the core writes into records. */
  language: () => Language
  /** Today's date (ISO), read when a service needs it, never frozen at the session's start. */
  today: () => string
  now: () => Date
  backupFolder: () => string | null
  passwords: ServerPasswords
  /**
   * Builds a report over the whole session. Given by the composition root (app/session.ts), as
   * the reports read every area and would otherwise import the session they are part of.
   */
  buildReport: ConstructorParameters<typeof SentReportsService>[1]
}

/**
 * What an area adds to the session (its `<area>/services.ts`): services built over the open
 * file. `earlier` holds the services of the areas listed before it in session-services.ts (the
 * exchange rates, the organisation), asking for one not yet built is refused at once.
 */
export interface AreaServices<Needs extends object, Provides extends object> {
  readonly build: (context: ServiceContext, earlier: Needs) => Provides
}

export function defineServices<Needs extends object, Provides extends object>(
  build: (context: ServiceContext, earlier: Needs) => Provides,
): AreaServices<Needs, Provides> {
  return { build }
}

/** The services an area's declaration adds to the session. */
export type ProvidedBy<S> = S extends AreaServices<never, infer Provides> ? Provides : never
