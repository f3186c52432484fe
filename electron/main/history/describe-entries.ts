import { sql } from 'kysely'
import type { DataFile } from '../db/data-file'
import { HISTORY_TABLES, type HistoryChange, type RecordPlace } from '@shared/history/schema'
import { columnKind, currencyHolder, referencedTable } from '@shared/history/columns'
import { columnLabel, describeValue, isShownColumn } from '@shared/history/describe'
import { recordName } from '@shared/history/record-name'
import type { Language } from '@shared/i18n/locale'
import { programmeLabel } from '@shared/programmes/schema'
import { allProgrammes } from '../programmes/programmes-service'
import { placeOf, wantPlace } from './record-place'

type Row = Record<string, unknown>

/** A change as the change log holds it, before it is described. */
export interface RawChange {
  column: string
  oldValue: unknown
  newValue: unknown
}

/** An action on one record, before its changes are described. */
export interface RawEntry {
  table: string
  rowId: string
  changes: RawChange[]
}

/** The registers whose records may be read to name them (never a table name from outside). */
const READABLE = new Set<string>([...HISTORY_TABLES, 'ledger_entries', 'programmes'])
const CHUNK = 400

/** Reads records by id, register by register, a few hundred ids per query. */
class RecordCache {
  private readonly rows = new Map<string, Row>()
  private readonly wanted = new Map<string, Set<string>>()

  constructor(private readonly db: DataFile['db']) {}

  want(table: string | null, id: unknown): void {
    if (!table || !READABLE.has(table) || typeof id !== 'string') return
    if (this.rows.has(`${table}|${id}`)) return
    const ids = this.wanted.get(table) ?? new Set<string>()
    ids.add(id)
    this.wanted.set(table, ids)
  }

  async load(): Promise<void> {
    for (const [table, ids] of this.wanted) {
      const list = [...ids]
      for (let start = 0; start < list.length; start += CHUNK) {
        const found = await sql<Row>`
          SELECT * FROM ${sql.table(table)}
          WHERE id IN (${sql.join(list.slice(start, start + CHUNK))})`.execute(this.db)
        for (const row of found.rows) this.rows.set(`${table}|${String(row.id)}`, row)
      }
    }
    this.wanted.clear()
  }

  get(table: string | null, id: unknown): Row | undefined {
    return table && typeof id === 'string' ? this.rows.get(`${table}|${id}`) : undefined
  }
}

/** A record as it stands, or as its own changes built it when the file no longer has it. */
function recordOf(cache: RecordCache, entry: RawEntry): Row {
  const stored = cache.get(entry.table, entry.rowId)
  if (stored) return stored
  return Object.fromEntries(entry.changes.map((change) => [change.column, change.newValue]))
}

/** The currency of a record's amounts: its own, else its agreement's or project's; EUR for the budget. */
function currencyOf(cache: RecordCache, table: string, column: string, record: Row): string | null {
  if (typeof record.currency === 'string') return record.currency
  const holder = currencyHolder(table, column)
  if (holder) {
    const parent = cache.get(referencedTable(holder, record), record[holder])
    if (parent && typeof parent.currency === 'string') return parent.currency
  }
  return table.startsWith('budget_') || table === 'dues_settings' ? 'EUR' : null
}

/**
 * Describes actions for people: each shown column with its label and its values formatted in
 * the language (amounts with the record's currency, names for ids, statuses in words), and the
 * record's own name. Two passes: the records and the records they point to are read first, in
 * a few queries, then every value is formatted without touching the file again.
 */
export async function describeEntries<T extends RawEntry>(
  db: DataFile['db'],
  entries: readonly T[],
  language: Language,
): Promise<
  (Omit<T, 'changes'> & {
    changes: HistoryChange[]
    recordName: string
    place: RecordPlace | null
  })[]
> {
  const cache = new RecordCache(db)
  for (const entry of entries) cache.want(entry.table, entry.rowId)
  await cache.load()
  for (const entry of entries) {
    const record = recordOf(cache, entry)
    for (const change of entry.changes) {
      if (columnKind(entry.table, change.column).kind === 'reference') {
        const target = referencedTable(change.column, record)
        cache.want(target, change.oldValue)
        cache.want(target, change.newValue)
      }
      const holder = currencyHolder(entry.table, change.column)
      if (holder) cache.want(referencedTable(holder, record), record[holder])
    }
    wantPlace(cache, entry.table, record)
  }
  await cache.load()
  // A ledger entry's place is its source's row: read once the source is.
  for (const entry of entries) wantPlace(cache, entry.table, recordOf(cache, entry))
  await cache.load()
  const programmes = new Map(
    (await allProgrammes(db)).map((p) => [p.code, programmeLabel(p, language)]),
  )
  const programmeName = (code: string) => programmes.get(code)

  return entries.map((entry) => {
    const record = recordOf(cache, entry)
    const nameOf = (column: string, id: string) => {
      const target = referencedTable(column, record)
      const row = cache.get(target, id)
      return row && target ? recordName(target, row, language) : undefined
    }
    const changes = entry.changes
      .filter((change) => isShownColumn(entry.table, change.column))
      .map((change) => {
        const context = {
          language,
          currency: currencyOf(cache, entry.table, change.column, record),
          nameOf,
          programmeName,
        }
        return {
          ...change,
          label: columnLabel(language, change.column),
          before: describeValue(entry.table, change.column, change.oldValue, context),
          after: describeValue(entry.table, change.column, change.newValue, context),
        }
      })
    return {
      ...entry,
      changes,
      recordName: recordName(entry.table, record, language),
      place: placeOf(cache, entry.table, entry.rowId, record),
    }
  })
}
