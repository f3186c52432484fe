/**
 * Lets the event loop turn between two pieces of a long stretch of work on the main thread.
 * The data file's statements are handed to SQLite one after the other from this thread
 * (sqlite3-dialect.ts): a statement done waits for the loop to turn before the next is started.
 * Preparing thousands of rows awaits only promises already settled, which never turn it: SQLite
 * sat idle, its next statement ready, while the next rows were prepared — the import's
 * statements are small (a hundred rows, under a millisecond each), so even a millisecond's
 * wait each doubled their time. A turn costs a few microseconds.
 */
export function giveWay(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
