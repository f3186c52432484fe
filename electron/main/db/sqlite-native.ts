import sqlite3 from 'sqlite3'

/**
 * The few calls of the sqlite3 binding used outside Kysely: opening, pragmas before the
 * dialect exists, the online backup API (missing from the package's typings) and closing.
 */
export type NativeDatabase = sqlite3.Database

export const OPEN_READONLY = sqlite3.OPEN_READONLY
export const OPEN_READWRITE = sqlite3.OPEN_READWRITE
export const OPEN_CREATE = sqlite3.OPEN_CREATE
/** A `file:` URI as the name, with its parameters (`immutable=1`). */
export const OPEN_URI = sqlite3.OPEN_URI

export function openNative(path: string, mode: number): Promise<NativeDatabase> {
  return new Promise((resolve, reject) => {
    const db: NativeDatabase = new sqlite3.Database(path, mode, (error) =>
      error ? reject(error) : resolve(db),
    )
  })
}

export function allRows<T>(db: NativeDatabase, query: string): Promise<T[]> {
  return new Promise((resolve, reject) =>
    db.all(query, (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows))),
  )
}

/** One statement with bound values (file_info rows written outside Kysely). */
export function runStatement(
  db: NativeDatabase,
  statement: string,
  params: readonly (string | number | null)[],
): Promise<void> {
  return new Promise((resolve, reject) =>
    db.run(statement, params, (error: Error | null) => (error ? reject(error) : resolve())),
  )
}

export function exec(db: NativeDatabase, statements: string): Promise<void> {
  return new Promise((resolve, reject) =>
    db.exec(statements, (error) => (error ? reject(error) : resolve())),
  )
}

export function closeNative(db: NativeDatabase): Promise<void> {
  return new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())))
}

interface NativeBackup {
  step(pages: number, callback: (error: Error | null) => void): void
  finish(callback?: (error: Error | null) => void): void
  readonly completed: boolean
  readonly failed: boolean
}

/**
 * Copies a live database page by page with SQLite's online backup API, which sees one
 * consistent snapshot even while the source is in use (a plain file copy of a database in WAL
 * mode can miss or tear the latest commits).
 */
export async function backupTo(source: NativeDatabase, destination: string): Promise<void> {
  const withBackup = source as NativeDatabase & {
    backup(path: string, callback: (error: Error | null) => void): NativeBackup
  }
  const backup = await new Promise<NativeBackup>((resolve, reject) => {
    const created: NativeBackup = withBackup.backup(destination, (error) =>
      error ? reject(error) : resolve(created),
    )
  })
  try {
    while (!backup.completed && !backup.failed) {
      await new Promise<void>((resolve, reject) =>
        backup.step(-1, (error) => (error ? reject(error) : resolve())),
      )
    }
    if (backup.failed) throw new Error(`Backup to ${destination} failed`)
  } finally {
    await new Promise<void>((resolve) => backup.finish(() => resolve()))
  }
}

/** The SQLite error code of a binding error ("SQLITE_BUSY"), if it is one. */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}
