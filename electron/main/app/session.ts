import type { DataFile } from '../db/data-file'
import type { ServerPasswords } from '../sync/server-passwords'
import type { Language } from '@shared/i18n/locale'

/**
 * Every service the areas add to the session, by name. Each area's `services.ts` adds its own
 * (`declare module '../app/session'`), so that this type needs no list of areas: the handlers
 * use the session, and a session typed from the list of areas (areas.ts, which holds the
 * handlers) would be an import cycle. `createSession` (app/create-session.ts) checks at compile
 * time that the areas listed build exactly these services, in an order where each is given only
 * what is already built.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each area
export interface SessionServices {}

/** The services of the open file; they exist only while a file is open. */
export type Session = {
  file: DataFile
  /** The user's language, for the texts the core writes into records. */
  language: () => Language
} & SessionServices

/** Opens the session of a file (app/create-session.ts), given to the core by its caller. */
export type SessionOpener = (
  file: DataFile,
  language?: () => Language,
  backupFolder?: () => string | null,
  passwords?: ServerPasswords,
) => Session
