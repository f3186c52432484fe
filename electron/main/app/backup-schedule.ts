import type { Session } from './session'

/** At most one backup an hour on the shell's calls, and only if something changed. */
const HOURLY_MS = 60 * 60 * 1000

/**
 * The backups the application makes on its own: when a file opens, then once an hour if
 * anything changed. It remembers the last failure, which the window shows until a backup
 * succeeds (a restore point is missing).
 */
export class BackupSchedule {
  private lastBackupSeq = 0
  private lastBackupAt = 0
  private backupFailure: unknown = null
  /** What is being done to the open file now: closing it waits for it ({@link settled}). */
  private readonly running = new Set<Promise<unknown>>()

  /** The last backup's failure, or null once one has succeeded. */
  get failure(): unknown {
    return this.backupFailure
  }

  /** A file was opened: it is backed up at once (unless read-only), and counted from there. */
  opened(session: Session): Promise<void> {
    return this.track(async () => {
      this.backupFailure = null
      const file = session.file
      if (!file.readOnly) await this.backUp(session, 'open')
      this.lastBackupSeq = file.readOnly ? 0 : await changeSeq(session)
    })
  }

  /**
   * Waits for the backups being made, so that the file is not closed under them: a backup cut
   * off is a restore point lost (SQLite's copy stops when its connection closes, and the
   * opening backup of a file checked in the background may still be running when the user
   * closes it or quits).
   */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running])
  }

  private track<T>(work: () => Promise<T>): Promise<T> {
    const done = work()
    this.running.add(done)
    const forget = () => this.running.delete(done)
    done.then(forget, forget)
    return done
  }

  /**
   * Backs the file up. A backup that cannot be made (disk full, read-only folder) is kept as
   * the failure to show and does not stop the work: the data already written is intact.
   */
  async backUp(session: Session, trigger: 'open' | 'hourly' | 'manual'): Promise<boolean> {
    try {
      await this.track(() => session.backups.create(trigger))
      this.lastBackupAt = Date.now()
      this.backupFailure = null
      return true
    } catch (error) {
      this.backupFailure = error
      return false
    }
  }

  /** A backup asked for by the user: its failure is theirs to read; its success clears the alert. */
  async backUpNow(session: Session): Promise<void> {
    await this.track(() => session.backups.create('manual'))
    this.backupFailure = null
  }

  /**
   * Backs up once an hour, if anything changed. A failed backup is tried again at the next call
   * (the changes are still not in any backup). Returns whether the window's alert about backups
   * appeared or went.
   */
  async backUpIfDue(session: Session | null): Promise<boolean> {
    if (!session || session.file.readOnly || Date.now() - this.lastBackupAt < HOURLY_MS)
      return false
    const seq = await changeSeq(session)
    if (seq === this.lastBackupSeq) return false
    const failedBefore = this.backupFailure !== null
    if (await this.backUp(session, 'hourly')) this.lastBackupSeq = seq
    return failedBefore !== (this.backupFailure !== null)
  }
}

/** The file's last change: a backup is due only when it moved. */
async function changeSeq(session: Session): Promise<number> {
  const row = await session.file.db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst()
  return Number(row?.seq ?? 0)
}
