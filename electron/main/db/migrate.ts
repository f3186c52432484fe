import { type Kysely, sql } from 'kysely'
import { MIGRATIONS } from './migrations'
import type { Migration } from './migrations/migration'

/**
 * Brings a file from `fromVersion` to the latest schema, one migration per transaction, each
 * writing its version to `PRAGMA user_version` inside that transaction: a migration that fails
 * half-way leaves the file exactly at the previous version.
 *
 * (Kysely's Migrator is not used: on SQLite it does not wrap migrations in transactions, and it
 * reads migration files from disk, which a bundled main process does not have.)
 */
export async function migrate<DB>(
  db: Kysely<DB>,
  fromVersion: number,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const applied: number[] = []
  for (const migration of migrations) {
    if (migration.version <= fromVersion) continue
    await db.transaction().execute(async (trx) => {
      await migration.up(trx as unknown as Kysely<unknown>)
      await sql`PRAGMA user_version = ${sql.raw(String(migration.version))}`.execute(trx)
    })
    applied.push(migration.version)
  }
  return applied
}
