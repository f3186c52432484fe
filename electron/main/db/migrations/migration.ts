import type { Kysely } from 'kysely'

/**
 * One step of the file's schema. `version` is written to `PRAGMA user_version` in the same
 * transaction as `up`, so a file is always exactly at one version.
 */
export interface Migration {
  readonly version: number
  /** The file name, without extension, that holds it: a test checks that they match. */
  readonly name: string
  up(db: Kysely<unknown>): Promise<void>
}
