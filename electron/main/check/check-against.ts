import { Kysely, sql } from 'kysely'
import { inspect } from '../db/inspect'
import { Sqlite3Dialect } from '../db/sqlite3-dialect'
import type { Database } from '../db/schema'
import { allRows } from '../db/sqlite-native'
import { lookReadOnly } from '../db/read-only'
import { AppFailure } from '../failure'
import { duplicateProblems } from './duplicate-invariants'
import { RECORD_TABLES } from '@shared/records/tables'
import type { CheckProblem, Invariant } from './check-problem'

/**
 * Checks a file without writing to it: SQLite's own integrity check, foreign keys, what every
 * record owes to sync (born in the change log, a well-formed key, names and codes unique across
 * copies), then the `invariants` given, in their order — the areas' (check/file-check.ts).
 */
export async function checkFileAgainst(
  path: string,
  invariants: readonly Invariant[],
): Promise<CheckProblem[]> {
  try {
    await inspect(path)
  } catch (error) {
    if (error instanceof AppFailure) return [{ key: error.key, params: error.params }]
    throw error
  }
  // Read-only, and leaving no -wal or -shm beside the file once done.
  return lookReadOnly(path, async (native) => {
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect(native) })
    try {
      const problems: CheckProblem[] = []
      const integrity = await allRows<{ integrity_check: string }>(native, 'PRAGMA integrity_check')
      for (const row of integrity) {
        if (row.integrity_check !== 'ok')
          problems.push({ key: 'check.integrity', params: { detail: row.integrity_check } })
      }
      const foreignKeys = await allRows<{ table: string; rowid: number }>(
        native,
        'PRAGMA foreign_key_check',
      )
      for (const row of foreignKeys) {
        problems.push({ key: 'check.foreignKey', params: { table: row.table, row: row.rowid } })
      }
      for (const table of RECORD_TABLES) {
        const unlogged = await sql<{ id: string }>`
        SELECT id FROM ${sql.table(table)} r
        WHERE NOT EXISTS (SELECT 1 FROM change_log c
          WHERE c.table_name = ${table} AND c.row_id = r.id AND c.op = 'insert')`.execute(db)
        for (const row of unlogged.rows)
          problems.push({ key: 'check.unlogged', params: { table, id: row.id } })
        const badIds = await sql<{ id: string }>`
        SELECT id FROM ${sql.table(table)}
        WHERE id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-*'`.execute(
          db,
        )
        for (const row of badIds.rows)
          problems.push({ key: 'check.badId', params: { table, id: row.id } })
      }
      problems.push(...(await duplicateProblems(db)))
      for (const invariant of invariants) problems.push(...(await invariant(db)))
      return problems
    } finally {
      await db.destroy()
    }
  })
}
