import { CompiledQuery, type Insertable, type RawBuilder, type Transaction, sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { ChangeLogTable, ChangeOp, Database, RecordTable } from '../db/schema'
import type { StatementQueue } from '../db/sqlite3-dialect'
import { type ColumnSource, bulkInsertStatement, insertRows } from './bulk-insert'
import type { HybridLogicalClock } from './hlc'

/** Who makes a change and when, shared by every row one user action writes. */
export interface ChangeContext {
  author: string
  clock: HybridLogicalClock
  txId: string
  /** One timestamp for the whole action, so its rows read as one moment. */
  now: string
}

type ColumnValue = string | number | null
export type RecordValues = Record<string, ColumnValue>

/**
 * The `column_name` of the change-log row that records an insert: its `new_value` is the JSON
 * object of the record's non-empty columns. Updates, archives and restores log one row per
 * column, so that offline copies can merge edits of different fields.
 */
export const INSERTED_RECORD = '*'

const SYSTEM_COLUMNS = new Set(['id', 'created_at', 'updated_at', 'deleted_at'])

/**
 * The only way records are written: each insert, update, archive or restore writes the row and,
 * in the same transaction, its change-log rows (one for an insert, one per column changed
 * otherwise), stamped by the clock.
 * Offline copies will later merge by replaying these rows (per-column last-writer-wins).
 */
export class RecordWriter {
  /**
   * `queue`: the connection's statement queue (sqlite3-dialect.ts). Given, the writer's
   * statements are queued without waiting for each to finish — SQLite writes one batch of rows
   * while the next is built — and {@link settle} waits for them; without it, each is awaited.
   */
  constructor(
    readonly trx: Transaction<Database>,
    private readonly context: ChangeContext,
    private readonly queue: StatementQueue | null = null,
  ) {}

  /** Statements queued and not yet done. */
  private readonly inFlight = new Set<Promise<void>>()
  /** The first statement that failed since the last {@link settle}. */
  private failure: { error: unknown } | null = null
  /** Set when the action's transaction is over: nothing can be written in it any more. */
  private closed = false

  /**
   * Runs one of the writer's statements: queued (at most {@link IN_FLIGHT} at once, so that an
   * import's rows are not all held as statements) or, without a queue, awaited.
   */
  private async run(sql: string, parameters: readonly unknown[]): Promise<void> {
    if (this.closed) throw new Error('The action is over: nothing more is written in it')
    if (!this.queue) {
      await this.trx.executeQuery(CompiledQuery.raw(sql, [...parameters]))
      return
    }
    while (this.inFlight.size >= IN_FLIGHT) await Promise.race(this.inFlight)
    const sent: Promise<void> = this.queue(sql, parameters).then(
      () => {
        this.inFlight.delete(sent)
      },
      (error: unknown) => {
        this.inFlight.delete(sent)
        this.failure ??= { error }
      },
    )
    this.inFlight.add(sent)
  }

  /**
   * Waits until every statement queued is done; throws the first that failed. A statement's
   * failure (a rule of the file refusing a row) is so said by the action that wrote it.
   */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight)
    const failure = this.failure
    this.failure = null
    if (failure) throw failure.error
  }

  /**
   * Ends the writer with its transaction (committed or rolled back): a statement still queued
   * then is refused rather than run outside it.
   */
  close(): void {
    this.closed = true
  }

  /** Inserts a record and returns its new id (a time-ordered UUIDv7). */
  async insert(table: RecordTable, values: RecordValues, id: string = uuidv7()): Promise<string> {
    assertNoSystemColumns(values)
    const row: RecordValues = {
      id,
      created_at: this.context.now,
      updated_at: this.context.now,
      deleted_at: null,
      ...values,
    }
    const columns = Object.keys(row)
    await this
      .runQuery(sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      VALUES (${sql.join(columns.map((c) => row[c]))})`)
    // One row for the whole record, not one per column: inserts are most of a file's changes,
    // and a row per column made the log many times larger than the data it describes.
    // Empty columns are left out; the stamps are the change's own.
    this.logInsert(table, id, values)
    await this.flushWhenFull()
    return id
  }

  /**
   * Inserts many records of one table in a few statements (an import's thousands of alike
   * rows), each logged as {@link insert} logs one. Returns their new ids, in order.
   */
  async insertMany(table: RecordTable, all: readonly RecordValues[]): Promise<string[]> {
    const ids = all.map(() => uuidv7())
    await this.insertRecords(table, all, ids)
    for (const [index, values] of all.entries()) {
      this.logInsert(table, ids[index] ?? '', values)
      await this.flushWhenFull()
    }
    return ids
  }

  /**
   * Inserts records in the state a series of changes leaves them — an import replaying each
   * record's lifecycle (a tranche added, released, paid) in one go — logged as if they had been
   * written step by step: the insert of each one's first values, then each step's changed
   * columns as {@link update} logs them. The ids are given: what is posted beside the records
   * (their ledger entries) already names them.
   */
  async insertReplayed(
    table: RecordTable,
    records: readonly { id: string; first: RecordValues; steps: readonly RecordValues[] }[],
  ): Promise<void> {
    const finals: RecordValues[] = []
    for (const { id, first, steps } of records) {
      this.logInsert(table, id, first)
      const state: RecordValues = { ...first }
      for (const step of steps) {
        assertNoSystemColumns(step)
        const changed = Object.keys(step).filter((column) => state[column] !== step[column])
        if (changed.length === 0) continue
        this.logUpdate(table, id, changed, state, step)
        for (const column of changed) state[column] = step[column] ?? null
      }
      finals.push(state)
      await this.flushWhenFull()
    }
    await this.insertRecords(
      table,
      finals,
      records.map((record) => record.id),
    )
  }

  /** The records' rows, a thousand a statement, with their ids and the action's stamps. */
  private async insertRecords(
    table: RecordTable,
    all: readonly RecordValues[],
    ids: readonly string[],
  ): Promise<void> {
    // Every column any of them gives (the alike rows of a service give the same ones).
    const given = new Set<string>()
    for (const values of all) for (const column in values) given.add(column)
    const columns = [...given]
    assertNoSystemColumns(columns)
    const { now } = this.context
    const sources: [string, ColumnSource][] = [
      ['id', { row: 0 }],
      ['created_at', { shared: now }],
      ['updated_at', { shared: now }],
      ['deleted_at', { shared: null }],
      ...columns.map((column, index): [string, ColumnSource] => [column, { row: index + 1 }]),
    ]
    for (let start = 0; start < all.length; start += ROWS_PER_STATEMENT) {
      const end = Math.min(all.length, start + ROWS_PER_STATEMENT)
      const rows: ColumnValue[][] = []
      for (let at = start; at < end; at += 1) {
        const values = all[at] ?? {}
        const row: ColumnValue[] = [ids[at] ?? '']
        for (const column of columns) row.push(values[column] ?? null)
        rows.push(row)
      }
      const statement = bulkInsertStatement(table, sources, rows)
      await this.run(statement.sql, statement.parameters)
    }
  }

  /** A statement built with Kysely's `sql` tag, run as {@link run} runs it. */
  private async runQuery(query: RawBuilder<unknown>): Promise<void> {
    const compiled = query.compile(this.trx)
    await this.run(compiled.sql, compiled.parameters)
  }

  /** An update's change-log rows: each column changed, from its value before to its value after. */
  private logUpdate(
    table: RecordTable,
    id: string,
    changed: readonly string[],
    before: Readonly<Record<string, unknown>>,
    after: RecordValues,
  ): void {
    this.log(
      'update',
      table,
      id,
      changed.map((column) => ({
        column,
        oldValue: (before[column] ?? null) as ColumnValue,
        newValue: after[column] ?? null,
      })),
    )
  }

  /** An insert's change-log row: the record's non-empty columns. */
  private logInsert(table: RecordTable, id: string, values: RecordValues): void {
    const inserted: RecordValues = {}
    for (const column of Object.keys(values)) {
      const value = values[column]
      if (value !== null && value !== undefined) inserted[column] = value
    }
    this.log('insert', table, id, [
      { column: INSERTED_RECORD, oldValue: undefined, newValue: inserted },
    ])
  }

  /**
   * Changes the given columns of a record; columns whose value is unchanged are left alone and
   * not logged. Returns the names of the columns that changed (none: nothing was written).
   * `current` is the record as this same action already read it, which spares reading it again.
   */
  async update(
    table: RecordTable,
    id: string,
    patch: RecordValues,
    current?: Readonly<Record<string, unknown>>,
  ): Promise<string[]> {
    assertNoSystemColumns(patch)
    current ??= await this.current(table, id)
    const changed = Object.keys(patch).filter((column) => current[column] !== patch[column])
    if (changed.length === 0) return []
    const assignments = [...changed, 'updated_at'].map(
      (column) =>
        sql`${sql.ref(column)} = ${column === 'updated_at' ? this.context.now : patch[column]}`,
    )
    await this.runQuery(
      sql`UPDATE ${sql.table(table)} SET ${sql.join(assignments)} WHERE id = ${id}`,
    )
    this.logUpdate(table, id, changed, current, patch)
    await this.flushWhenFull()
    return changed
  }

  /** Archives (soft-deletes) a record; its row and history stay. */
  async archive(table: RecordTable, id: string): Promise<void> {
    await this.setDeletedAt(table, id, this.context.now, 'delete')
  }

  async restore(table: RecordTable, id: string): Promise<void> {
    await this.setDeletedAt(table, id, null, 'restore')
  }

  private async setDeletedAt(table: RecordTable, id: string, value: string | null, op: ChangeOp) {
    const current = await this.current(table, id)
    // Archiving an archived record, or restoring a live one, changes nothing (not even its date).
    const archived = (current.deleted_at ?? null) !== null
    if (archived === (value !== null)) return
    await this
      .runQuery(sql`UPDATE ${sql.table(table)} SET deleted_at = ${value}, updated_at = ${this.context.now}
      WHERE id = ${id}`)
    this.log(op, table, id, [
      { column: 'deleted_at', oldValue: current.deleted_at, newValue: value },
    ])
    await this.flushWhenFull()
  }

  private async current(table: RecordTable, id: string): Promise<RecordValues> {
    const result =
      await sql<RecordValues>`SELECT * FROM ${sql.table(table)} WHERE id = ${id}`.execute(this.trx)
    const row = result.rows[0]
    if (!row) throw new RangeError(`No ${table} record ${id}`)
    return row
  }

  /**
   * Writes the change-log rows gathered since the last flush, in a few large statements, and
   * waits for every statement queued ({@link settle}): the data file calls it before
   * committing, so the log still lands in the same transaction, while a bulk action (a year of
   * dues calls, the demo) avoids one round trip per record.
   */
  async flush(): Promise<void> {
    await this.sendLog()
    await this.settle()
  }

  /** Queues the change-log rows gathered, without waiting for them to be written. */
  private async sendLog(): Promise<void> {
    const { txId, author, now, clock } = this.context
    // In the order of LOG_COLUMNS; what is the action's own is bound once per statement.
    const sources: [string, ColumnSource][] = [
      ['hlc', { row: 0 }],
      ['tx_id', { shared: txId }],
      ['replica_id', { shared: clock.replicaId }],
      ['table_name', { row: 1 }],
      ['row_id', { row: 2 }],
      ['column_name', { row: 3 }],
      ['old_value', { row: 4 }],
      ['new_value', { rowJson: 5 }],
      ['author', { shared: author }],
      ['op', { row: 6 }],
      ['recorded_at', { shared: now }],
    ]
    while (this.pending.length > 0) {
      const statement = bulkInsertStatement(
        'change_log',
        sources,
        this.pending.splice(0, ROWS_PER_STATEMENT),
      )
      await this.run(statement.sql, statement.parameters)
    }
  }

  /**
   * The change-log rows of the changes since the last flush, each the values of its own (hlc,
   * table, record, column, value before as JSON text, value after — written as JSON text —,
   * operation; see {@link sendLog}): an import logs a hundred thousand, and an object per row
   * only to be turned into such a list again was a good part of its time.
   */
  private readonly pending: (ColumnValue | RecordValues)[][] = []

  /** Writes the rows kept once they fill a statement. */
  private async flushWhenFull(): Promise<void> {
    if (this.pending.length >= ROWS_PER_STATEMENT) await this.sendLog()
  }

  /** The change-log rows of one change, kept until {@link flush} (no statement: no waiting). */
  private log(
    op: ChangeOp,
    table: RecordTable,
    rowId: string,
    changes: {
      column: string
      oldValue: ColumnValue | undefined
      newValue: ColumnValue | RecordValues
    }[],
  ): void {
    const { clock } = this.context
    for (const { column, oldValue, newValue } of changes) {
      this.pending.push([
        clock.tick(),
        table,
        rowId,
        column,
        oldValue === undefined ? null : JSON.stringify(oldValue),
        newValue,
        op,
      ])
    }
  }
}

/** A change-log row as written (its `seq` is given by SQLite). */
export type LogRow = Required<Omit<Insertable<ChangeLogTable>, 'seq'>>
const LOG_COLUMNS = [
  'hlc',
  'tx_id',
  'replica_id',
  'table_name',
  'row_id',
  'column_name',
  'old_value',
  'new_value',
  'author',
  'op',
  'recorded_at',
] as const satisfies readonly (keyof LogRow)[]

/**
 * Appends rows received from another copy to the change log, a thousand per statement: a merge
 * holds them decoded already, and ten statements of a hundred took SQLite half as long again as
 * one of a thousand (a mission's 2,000 changes merged in 39–46 ms rather than 46–53, 200,000
 * in 3.5 s rather than 4.5; the merge's peak +14 MB — alternated runs, 2026-12-06).
 */
export async function insertLogRows(
  trx: Transaction<Database>,
  rows: readonly LogRow[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += MERGED_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + MERGED_ROWS_PER_STATEMENT)
    await insertRows(
      trx,
      'change_log',
      LOG_COLUMNS,
      chunk.map((row) => LOG_COLUMNS.map((column) => row[column])),
    )
  }
}

/**
 * Statements a writer keeps queued at once: enough for SQLite to always have work while the
 * import prepares its next rows — few enough that an import's rows are not held as JSON
 * waiting (64 statements of ~50 kB: about 3 MB). At 16, SQLite ran dry between two actions,
 * when each began by reading behind the statements the last one queued (the import's expenses
 * 10–25 % slower); they now read nothing between them (budget-expenses-service.ts,
 * `SharedExpenseContext`), and 64 wrote them as fast as 256 (measured, 2026-12-06).
 */
const IN_FLIGHT = 64

/**
 * Rows per statement: some fifty kilobytes of JSON handed to SQLite at once. A thousand made
 * texts of a megabyte, each kept by V8 among its large objects until a full collection, which
 * an import of 50,000 rows reaches only rarely: its memory grew by a hundred megabytes.
 */
const ROWS_PER_STATEMENT = 100

/** Change-log rows per statement in a merge ({@link insertLogRows}). */
const MERGED_ROWS_PER_STATEMENT = 1000

function assertNoSystemColumns(values: RecordValues | readonly string[]): void {
  for (const column of Array.isArray(values) ? values : Object.keys(values)) {
    if (SYSTEM_COLUMNS.has(column)) throw new RangeError(`${column} is written by the writer`)
  }
}
