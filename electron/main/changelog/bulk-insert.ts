import { CompiledQuery, type Transaction } from 'kysely'
import type { Database } from '../db/schema'

/**
 * Where a column of a bulk insert takes its value: each row's element at `row` (text, integer
 * or null, as JSON holds them); each row's element at `rowJson`, kept as JSON text (a
 * change-log row's record, nested in the row rather than written as a string inside the JSON —
 * no second escaping of every quote); or one value `shared` by all rows (the action's stamps,
 * its author), bound once rather than repeated in each row.
 */
export type ColumnSource = { row: number } | { rowJson: number } | { shared: unknown }

/**
 * The statement inserting `rows` into `table`, one statement for all of them: an import's
 * statements carry thousands of values, which Kysely's builder would walk one by one. They go
 * as one JSON text that SQLite unpacks (`jsonb_each`), rather than as thousands of bound values:
 * node-sqlite3 converts each bound value on the main thread, which was most of an import's
 * time; one string is handed over whole. JSON keeps what the columns hold — text, integers
 * (amounts in minor units) and nulls. The text is made SQLite's binary JSON first (`jsonb`):
 * each row's columns are then picked from it without parsing the row's text again per column,
 * about a third less work for SQLite on a wide table (the ledger, the change log). A nested
 * element read as JSON text (`rowJson`) comes out as `JSON.stringify` wrote it: SQLite's binary
 * JSON keeps numbers and strings as their text, escapes included.
 */
export function bulkInsertStatement(
  table: string,
  columns: readonly (readonly [name: string, source: ColumnSource])[],
  rows: readonly (readonly unknown[])[],
): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = []
  const values = columns.map(([, source]) => {
    if ('row' in source) return `value ->> ${source.row}`
    if ('rowJson' in source) return `json(value -> ${source.rowJson})`
    parameters.push(source.shared)
    return `?${parameters.length}`
  })
  parameters.push(JSON.stringify(rows))
  return {
    sql: `INSERT INTO "${table}" (${columns.map(([name]) => `"${name}"`).join(', ')})
    SELECT ${values.join(', ')} FROM jsonb_each(jsonb(?${parameters.length}))`,
    parameters,
  }
}

/** Each column from the row's element of the same place. */
export function rowColumns(columns: readonly string[]): [string, ColumnSource][] {
  return columns.map((name, index) => [name, { row: index }])
}

/**
 * Inserts rows, each its values in the order of `columns`, in one statement
 * ({@link bulkInsertStatement}).
 */
export async function insertRows(
  trx: Transaction<Database>,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const statement = bulkInsertStatement(table, rowColumns(columns), rows)
  await trx.executeQuery(CompiledQuery.raw(statement.sql, statement.parameters))
}
