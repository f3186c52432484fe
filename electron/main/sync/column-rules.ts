import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema'
import { type Expectation, semanticCheck } from './value-rules'

export type { Expectation }

/** Tables that are not records of the secretariat: never written by a merge. */
const NOT_RECORDS = new Set(['file_info', 'change_log', 'sync_files', 'sync_conflicts'])
/** Written by the merge itself from the changes' stamps, never by a change. */
export const SYSTEM_COLUMNS = new Set(['id', 'created_at', 'updated_at', 'deleted_at'])

export type ColumnValue = string | number | null

/** What a column accepts, read from the schema (type, NOT NULL, CHECK, reference) and its meaning. */
export interface ColumnRule {
  name: string
  type: 'TEXT' | 'INTEGER'
  notNull: boolean
  /** The value SQLite gives a column a new record leaves out (its DEFAULT), or null. */
  fallback: ColumnValue
  /** The table a column's value must be the id of (a foreign key). */
  references: string | null
  /** Why a value (not null) does not fit; null when it fits. */
  check(value: unknown): Expectation | null
}

export interface TableRules {
  name: string
  /** The columns a change may write (all but the system ones). */
  columns: ReadonlyMap<string, ColumnRule>
}

export interface SchemaRules {
  tables: ReadonlyMap<string, TableRules>
  /** Record tables, parents before the children that reference them (from the foreign keys). */
  order: readonly string[]
}

/**
 * The rules every incoming value must pass before it is written, derived from the schema itself —
 * each column's type, NOT NULL, simple CHECK constraints (a list of values, a range, a sign,
 * not blank) and foreign key — and completed by what the column means (a date, a currency, a
 * rate, a plain file name: value-rules.ts). A table or column added by a migration is covered
 * without a line here.
 */
export async function readSchemaRules(db: Kysely<Database>): Promise<SchemaRules> {
  // Read again only when the schema changed: a sync reads them for every file it receives,
  // some 90 statements, a tenth of the merge of a mission's changes (each sync, same schema).
  const version = await sql<{ schema_version: number }>`PRAGMA schema_version`.execute(db)
  const stamp = version.rows[0]?.schema_version ?? -1
  const known = rulesRead.get(db)
  if (known?.stamp === stamp) return known.rules
  const rules = await schemaRulesOf(db)
  rulesRead.set(db, { stamp, rules })
  return rules
}

/** The rules last read through each connection, with the schema's version they were read at. */
const rulesRead = new WeakMap<Kysely<Database>, { stamp: number; rules: SchemaRules }>()

async function schemaRulesOf(db: Kysely<Database>): Promise<SchemaRules> {
  const tables = await sql<{ name: string; sql: string }>`
    SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
      AND name NOT LIKE 'kysely_%' ORDER BY name`.execute(db)
  const rules = new Map<string, TableRules>()
  const parents = new Map<string, Set<string>>()
  for (const table of tables.rows) {
    if (NOT_RECORDS.has(table.name)) continue
    const info = await sql<{
      name: string
      type: string
      notnull: number
      dflt_value: string | null
    }>`
      SELECT name, type, "notnull", dflt_value FROM pragma_table_info(${table.name})`.execute(db)
    if (!info.rows.some((c) => c.name === 'deleted_at')) continue
    const keys = await sql<{ table: string; from: string }>`
      SELECT "table", "from" FROM pragma_foreign_key_list(${table.name})`.execute(db)
    const references = new Map(keys.rows.map((k) => [k.from, k.table]))
    parents.set(table.name, new Set(keys.rows.map((k) => k.table)))
    const checks = columnChecks(table.sql)
    const columns = new Map<string, ColumnRule>()
    for (const column of info.rows) {
      if (SYSTEM_COLUMNS.has(column.name)) continue
      const type = column.type.toUpperCase() === 'INTEGER' ? 'INTEGER' : 'TEXT'
      const constraint = checks.get(column.name) ?? []
      const meaning = semanticCheck(table.name, column.name, type, references.has(column.name))
      columns.set(column.name, {
        name: column.name,
        type,
        notNull: column.notnull === 1,
        fallback: defaultValue(column.dflt_value),
        references: references.get(column.name) ?? null,
        check: (value) => meaning(value) ?? firstFailure(constraint, value),
      })
    }
    rules.set(table.name, { name: table.name, columns })
  }
  return { tables: rules, order: parentsFirst([...rules.keys()], parents) }
}

type ConstraintCheck = (value: unknown) => Expectation | null

function firstFailure(checks: readonly ConstraintCheck[], value: unknown): Expectation | null {
  for (const check of checks) {
    const failure = check(value)
    if (failure) return failure
  }
  return null
}

/**
 * The simple CHECK constraints of a CREATE TABLE, by column: `col IN ('a', 'b')`,
 * `col BETWEEN 0 AND 10000`, `col > 0`, `col >= 0`, `length(trim(col)) > 0`. Others (across
 * columns, as the ledger's signs) are left to SQLite, whose refusal sets the file aside too.
 */
function columnChecks(createSql: string): Map<string, ConstraintCheck[]> {
  const text = createSql.replace(/\s+/g, ' ')
  const found = new Map<string, ConstraintCheck[]>()
  const add = (column: string, check: ConstraintCheck) =>
    found.set(column, [...(found.get(column) ?? []), check]) // a few checks per table
  for (const [, column = '', list = ''] of text.matchAll(/CHECK \((\w+) IN \(([^)]*)\)\)/g)) {
    const allowed = list.split(',').map((item) => literal(item.trim()))
    add(column, (value) =>
      allowed.includes(value as string | number)
        ? null
        : { key: 'sync.refused.oneOf', params: { values: allowed.join(', ') } },
    )
  }
  for (const [, column = '', min = '', max = ''] of text.matchAll(
    /CHECK \((\w+) BETWEEN (-?\d+) AND (-?\d+)\)/g,
  )) {
    add(column, (value) =>
      typeof value === 'number' && value >= Number(min) && value <= Number(max)
        ? null
        : { key: 'sync.refused.range', params: { min, max } },
    )
  }
  for (const [, column = '', operator = '', bound = ''] of text.matchAll(
    /CHECK \((\w+) (>=|>) (-?\d+)\)/g,
  )) {
    const limit = Number(bound)
    add(column, (value) =>
      typeof value === 'number' && (operator === '>' ? value > limit : value >= limit)
        ? null
        : {
            key: operator === '>' ? 'sync.refused.above' : 'sync.refused.atLeast',
            params: { bound },
          },
    )
  }
  for (const [, column = ''] of text.matchAll(/CHECK \(length\(trim\((\w+)\)\) > 0\)/g)) {
    add(column, (value) =>
      typeof value === 'string' && value.trim().length > 0 ? null : { key: 'sync.refused.blank' },
    )
  }
  return found
}

function literal(text: string): string | number {
  return text.startsWith("'") ? text.slice(1, -1).replace(/''/g, "'") : Number(text)
}

function defaultValue(sqlDefault: string | null): ColumnValue {
  if (sqlDefault === null) return null
  return sqlDefault.startsWith("'") ? String(literal(sqlDefault)) : Number(sqlDefault)
}

/** Tables in an order where each comes after every table it references (itself aside). */
function parentsFirst(tables: readonly string[], parents: ReadonlyMap<string, Set<string>>) {
  const ordered: string[] = []
  const placed = new Set<string>()
  const place = (table: string, path: ReadonlySet<string>) => {
    if (placed.has(table)) return
    // A cycle between tables would leave no order that works: the schema has none, keep it so.
    if (path.has(table)) throw new RangeError(`Foreign keys form a cycle through ${table}`)
    for (const parent of parents.get(table) ?? []) {
      if (parent !== table && tables.includes(parent)) place(parent, new Set([...path, table]))
    }
    placed.add(table)
    ordered.push(table)
  }
  for (const table of tables) place(table, new Set())
  return ordered
}
