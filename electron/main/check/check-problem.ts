import type { Kysely } from 'kysely'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import type { Database } from '../db/schema'
import type { FailureParams } from '../failure'

/** One thing wrong in a file, as a catalogue key and its parameters (`aimf check`). */
export interface CheckProblem {
  key: MessageKey
  params: FailureParams
}

/**
 * One of an area's invariants (declared in its `area.ts`): reads the file, read-only, and names
 * each record that breaks it.
 */
export type Invariant = (db: Kysely<Database>) => Promise<CheckProblem[]>

/**
 * `aimf check` over a file (check/file-check.ts, with every area's invariants): given to the
 * backups, which the list of areas holds, by the composition root.
 */
export type FileCheck = (path: string) => Promise<CheckProblem[]>
