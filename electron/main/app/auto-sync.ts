import { exists } from '../db/read-only'
import type { Session } from './session'

/** How often an open file syncs with its folder on its own. */
const AUTO_SYNC_MS = 5 * 60 * 1000

/**
 * Syncs the open file with its target every few minutes while it can be reached (a laptop
 * back on the office network, a USB stick plugged in); the report is kept for
 * Paramètres → Synchronisation. A failure waits for the next round or a sync by hand.
 */
export class AutoSync {
  private timer: NodeJS.Timeout | null = null

  constructor(
    /** The file open at each round (it may have changed since the start). */
    private readonly session: () => Session | null,
    /** The name stamped on the changes sent. */
    private readonly author: () => string,
  ) {}

  start(): void {
    this.stop()
    this.timer = setInterval(() => {
      const session = this.session()
      if (!session || session.file.readOnly) return
      void session.sync
        .status()
        .then(async ({ folder, server }) => {
          if (server || (folder && (await exists(folder))))
            await session.sync.syncNow(this.author())
        })
        .catch(() => undefined)
    }, AUTO_SYNC_MS)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}
