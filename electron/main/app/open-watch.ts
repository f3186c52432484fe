import type { DataFile } from '../db/data-file'
import type { AppFailure } from '../failure'

/** What the core does when the background check of the file it shows ends. */
export interface OpenWatchHooks {
  /** The file is still the one open (not closed or replaced meanwhile). */
  stillOpen(file: DataFile): boolean
  /** It passed: the work held until then (the opening backup) can go on. */
  passed(file: DataFile): Promise<void>
  /** It is damaged: closed, and said as opening it would have (see app-handlers' recovery). */
  damaged(file: DataFile, failure: AppFailure): Promise<void>
}

/**
 * Follows the full check of a file opened quickly (db/open-check.ts) and tells the core how it
 * ended. A file already checked in full (created, migrated, looked at) passes at once.
 */
export function watchOpenCheck(file: DataFile, hooks: OpenWatchHooks): Promise<void> {
  return file
    .checked()
    .then(
      async (damage) => {
        if (!hooks.stillOpen(file)) return
        if (damage) await hooks.damaged(file, damage)
        else await hooks.passed(file)
      },
      // The check itself settles with what it found; a failure here is the file closed meanwhile.
      () => undefined,
    )
    .catch((error: unknown) => {
      // What follows the check (a backup, the closing of a damaged file) reports its own failures
      // to the user; nothing is left to an unhandled rejection.
      console.error(error)
    })
}
