import { pathToFileURL } from 'node:url'
import { AppFailure } from '../failure'
import {
  type NativeDatabase,
  OPEN_READONLY,
  OPEN_URI,
  allRows,
  closeNative,
  openNative,
} from './sqlite-native'

/** Where the full check of a file opened quickly stands. */
export type OpenCheckState = 'checking' | 'passed' | 'damaged'

/** What runs the full check: SQLite's, unless a test paces it. */
export type IntegrityCheck = (native: NativeDatabase) => Promise<string[]>

/** How long after opening the background check starts: the time the first screen takes. */
export const CHECK_AFTER_MS = 250

/** SQLite's full integrity check: every page, every index against its table. */
export const sqliteIntegrityCheck: IntegrityCheck = async (native) =>
  (await allRows<{ integrity_check: string }>(native, 'PRAGMA integrity_check')).map(
    (row) => row.integrity_check,
  )

/**
 * The full integrity check of a file opened quickly, run in the background while the first
 * screen is read: the file is shown at once from a fast check (header, schema, the pages read),
 * and nothing is written to it until this check has passed — a write meanwhile is refused,
 * calmly, and can be made again a moment later. A damaged file found by it is handled as one
 * found at opening: `damage` says what was found, and the caller closes the file.
 *
 * The check reads the file through a connection of its own, in SQLite's worker thread (the
 * window stays responsive), opened `immutable`: the data file's own connection holds it
 * exclusively, but writes are held and its log checkpointed before the check starts, so the file
 * on disk is complete and does not change while it is read.
 */
export class OpenCheck {
  private current: OpenCheckState = 'checking'
  private found: AppFailure | null = null
  private native: NativeDatabase | null = null
  private cancelled = false
  /** Settles when the check is over: passed, damaged, or cancelled by closing the file. */
  readonly done: Promise<OpenCheckState>

  constructor(
    private readonly path: string,
    check: IntegrityCheck = sqliteIntegrityCheck,
  ) {
    this.done = this.run(check)
  }

  get state(): OpenCheckState {
    return this.current
  }

  /** The damage found, as opening the file would have said it (FILE_DAMAGED), if any. */
  get damage(): AppFailure | null {
    return this.found
  }

  /**
   * Holds a write until the check is over — a moment on most files — and refuses it, calmly
   * (FILE_CHECKING), if the check takes longer than `holdMs`; refuses it on a file found damaged.
   */
  async awaitWritable(holdMs: number): Promise<void> {
    if (this.current === 'checking') {
      let timer: NodeJS.Timeout | undefined
      await Promise.race([
        this.done,
        new Promise((resolve) => (timer = setTimeout(resolve, holdMs))),
      ]).finally(() => clearTimeout(timer))
    }
    if (this.current === 'checking')
      throw new AppFailure('FILE_CHECKING', 'errors.FILE_CHECKING', { path: this.path })
    if (this.found) throw this.found
  }

  /**
   * Stops a check under way (the file is being closed); nothing is concluded. Its connection is
   * interrupted and closes on its own: the file's closing does not wait for it.
   */
  cancel(): void {
    this.cancelled = true
    this.native?.interrupt()
  }

  private async run(check: IntegrityCheck): Promise<OpenCheckState> {
    // The first screen's reads go first: the check reads the whole file, and started at once
    // it competed with them for the disk and the processor (the first figures of a 20-year
    // file came a third later). Writes are held meanwhile, as during the check.
    await new Promise((resolve) => setTimeout(resolve, CHECK_AFTER_MS))
    if (this.cancelled) return this.current
    try {
      const url = `${pathToFileURL(this.path).href}?immutable=1`
      this.native = await openNative(url, OPEN_READONLY | OPEN_URI)
      if (this.cancelled) return this.current
      const problems = (await check(this.native)).filter((line) => line !== 'ok')
      if (this.cancelled) return this.current
      if (problems.length > 0) this.conclude(problems)
      else this.current = 'passed'
    } catch (error) {
      if (this.cancelled) return this.current
      // The file cannot even be read through: damaged as far as the user can tell.
      this.conclude([error instanceof Error ? error.message : String(error)])
    } finally {
      const native = this.native
      this.native = null
      if (native) await closeNative(native).catch(() => undefined)
    }
    return this.current
  }

  private conclude(problems: string[]): void {
    this.found = new AppFailure('FILE_DAMAGED', 'errors.FILE_DAMAGED', {
      path: this.path,
      detail: problems.slice(0, 3).join('; '),
    })
    this.current = 'damaged'
  }
}
