import { type RawBuilder, sql } from 'kysely'
import type { DataFile } from './data-file'

/**
 * Runs a query that selects one column, `row`, holding each result row as a JSON object (see
 * {@link jsonObject}), and returns the rows parsed.
 *
 * The sqlite3 binding builds a JavaScript value for every column of every row; for the lists of
 * thousands of rows (projects, dues calls) one text per row made them about four times faster.
 */
export async function jsonRows<Row>(
  db: DataFile['db'],
  query: RawBuilder<{ row: string }>,
): Promise<Row[]> {
  const result = await query.execute(db)
  return result.rows.map((r) => JSON.parse(r.row) as Row)
}

/**
 * `json_object('a', a, 'b', b...)` of the given column expressions (SQL text, or a fragment
 * when it binds values), named by their keys.
 */
export function jsonObject(
  columns: Record<string, string | RawBuilder<unknown>>,
): RawBuilder<unknown> {
  const terms = Object.entries(columns).map(
    ([name, expression]) =>
      sql`${sql.lit(name)}, ${typeof expression === 'string' ? sql.raw(expression) : expression}`,
  )
  return sql`json_object(${sql.join(terms)})`
}
