import { sql } from 'kysely'
import type { DataFile } from './data-file'
import { fieldFailure } from '../failure'

/** The tables whose records carry a human code, and the column that holds it. */
const CODE_COLUMN = { members: 'code', projects: 'code', dues_calls: 'number' } as const
type CodedTable = keyof typeof CODE_COLUMN

/** Codes compare without case: "fc-2024-001" and "FC-2024-001" are one code. */
export async function assertCodeFree(
  db: DataFile['db'],
  table: CodedTable,
  code: string,
  exceptId?: string,
): Promise<void> {
  const clash = await sql<{ id: string }>`
    SELECT id FROM ${sql.table(table)} WHERE lower(${sql.ref(CODE_COLUMN[table])}) = lower(${code})
      ${exceptId ? sql`AND id != ${exceptId}` : sql``} LIMIT 1`.execute(db)
  if (clash.rows.length > 0) throw fieldFailure('CONFLICT', 'code', 'errors.codeTaken', { code })
}

/**
 * The next free code of a series ("M-0042", "FC-2026-007"): one more than the highest number
 * used with this prefix, archived records included, so a code is never given twice.
 */
export async function nextCode(
  db: DataFile['db'],
  table: CodedTable,
  prefix: string,
  digits: number,
): Promise<string> {
  const column = sql.ref(CODE_COLUMN[table])
  const rows = await sql<{ code: string }>`
    SELECT ${column} AS code FROM ${sql.table(table)} WHERE ${column} LIKE ${`${prefix}%`}`.execute(
    db,
  )
  let highest = 0
  for (const { code } of rows.rows) {
    const number = Number(code.slice(prefix.length))
    if (Number.isInteger(number) && number > highest) highest = number
  }
  return `${prefix}${String(highest + 1).padStart(digits, '0')}`
}
