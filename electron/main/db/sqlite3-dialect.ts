import type sqlite3 from 'sqlite3'
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely'

/**
 * A Kysely dialect over the `sqlite3` package (node-sqlite3).
 *
 * No maintained dialect exists for sqlite3 6 with Kysely 0.28, so this file is the only place
 * that knows the binding: swapping it for another driver touches nothing else.
 *
 * One connection serves the whole application. It is handed to one caller at a time (a mutex
 * held from acquire to release), so that no other caller's query lands inside a transaction.
 */
export class Sqlite3Dialect implements Dialect {
  constructor(private readonly database: sqlite3.Database) {}

  createDriver(): Driver {
    return new Sqlite3Driver(this.database)
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler()
  }
  createAdapter() {
    return new SqliteAdapter()
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db)
  }
}

/** The connection of each database handle: {@link statementQueue} reaches it. */
const CONNECTIONS = new WeakMap<sqlite3.Database, Sqlite3Connection>()

/**
 * Runs a statement on the database's connection without going through Kysely: queued at once,
 * behind every statement already queued and before every one queued after it, whoever sends it
 * (Kysely hands its queries to the connection a few turns of the event loop after they are made,
 * so a statement sent through it could be overtaken). The record writer sends its inserts this
 * way and carries on building the next ones while SQLite writes (record-writer.ts); a read made
 * afterwards through Kysely still sees them, as it runs after them. Only for a caller holding
 * the connection (inside a transaction).
 */
export type StatementQueue = (sql: string, parameters: readonly unknown[]) => Promise<void>

/** The queue of a database handle opened through {@link Sqlite3Dialect}, if any. */
export function statementQueue(database: sqlite3.Database): StatementQueue | null {
  const connection = CONNECTIONS.get(database)
  if (!connection) return null
  return async (sql, parameters) => {
    await connection.executeQuery(CompiledQuery.raw(sql, [...parameters]))
  }
}

class Sqlite3Driver implements Driver {
  private readonly connection: Sqlite3Connection
  private queue: Promise<void> = Promise.resolve()
  private release: (() => void) | null = null

  constructor(private readonly database: sqlite3.Database) {
    this.connection = new Sqlite3Connection(database)
    CONNECTIONS.set(database, this.connection)
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue
    let release!: () => void
    this.queue = new Promise<void>((resolve) => (release = resolve))
    await previous
    this.release = release
    return this.connection
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // IMMEDIATE takes the write lock at once: a transaction never fails half-way for a lock.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'))
    } catch (error) {
      // On a full disk or an I/O error SQLite has already rolled the transaction back itself;
      // the error that matters is the one that made us roll back, so this one is dropped.
      if (!/no transaction is active/.test(String(error))) throw error
    }
  }

  async releaseConnection(): Promise<void> {
    const release = this.release
    this.release = null
    release?.()
  }

  async destroy(): Promise<void> {
    await this.queue
    // SQLite does not close a connection that still has prepared statements.
    await this.connection.finalizeAll()
    await new Promise<void>((resolve, reject) =>
      this.database.close((error) => (error ? reject(error) : resolve())),
    )
  }
}

/** Statements whose rows are read back; everything else is run for its side effects. */
const RETURNS_ROWS = /^\s*(select|pragma|with|explain|values)\b|\breturning\b/i

/**
 * How many prepared statements a connection keeps. A screen runs a few dozen different
 * statements; an import a few hundred.
 */
const KEPT_STATEMENTS = 500

class Sqlite3Connection implements DatabaseConnection {
  /**
   * Statements prepared once and run again, the least recently used first. node-sqlite3 makes
   * each `all` or `run` three round trips to its thread pool (prepare, run, finalize); a kept
   * statement takes one, which is most of the time of the many small statements of an import.
   */
  private readonly statements = new Map<string, sqlite3.Statement>()

  constructor(private readonly database: sqlite3.Database) {}

  /** The last statement queued: each statement runs once the one before it is done. */
  private tail: Promise<unknown> = Promise.resolve()

  /**
   * Runs statements strictly in the order they are handed over, even when the one before has
   * not finished (node-sqlite3 would otherwise start them side by side on its thread pool, in
   * no set order).
   */
  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = this.tail.then(() => this.run<R>(compiledQuery))
    this.tail = result.catch(() => undefined)
    return result
  }

  private async run<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiledQuery
    const params = parameters as unknown[]
    const statement = await this.prepared(sql)
    if (RETURNS_ROWS.test(sql)) {
      return new Promise((resolve, reject) =>
        statement.all(params, (error: Error | null, rows: R[]) =>
          error ? reject(error) : resolve({ rows }),
        ),
      )
    }
    return new Promise((resolve, reject) =>
      statement.run(params, function (this: sqlite3.RunResult, error: Error | null) {
        if (error) return reject(error)
        resolve({
          rows: [],
          numAffectedRows: BigInt(this.changes),
          insertId: BigInt(this.lastID),
        })
      }),
    )
  }

  /** Finalizes every kept statement: the connection can then be closed. */
  async finalizeAll(): Promise<void> {
    await this.tail
    const all = [...this.statements.values()]
    this.statements.clear()
    await Promise.all(all.map((statement) => finalize(statement)))
  }

  private async prepared(sql: string): Promise<sqlite3.Statement> {
    const kept = this.statements.get(sql)
    if (kept) {
      this.statements.delete(sql)
      this.statements.set(sql, kept)
      return kept
    }
    const statement = await new Promise<sqlite3.Statement>((resolve, reject) => {
      const prepared: sqlite3.Statement = this.database.prepare(sql, (error: Error | null) =>
        error ? reject(error) : resolve(prepared),
      )
    })
    this.statements.set(sql, statement)
    if (this.statements.size > KEPT_STATEMENTS) {
      const [oldest] = this.statements
      if (oldest) {
        this.statements.delete(oldest[0])
        await finalize(oldest[1])
      }
    }
    return statement
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const result = await this.executeQuery<R>(compiledQuery)
    yield result
  }
}

function finalize(statement: sqlite3.Statement): Promise<void> {
  return new Promise((resolve) => statement.finalize(() => resolve()))
}
