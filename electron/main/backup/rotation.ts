import { type BackupTrigger, retentionOf } from '@shared/backup/schema'

/** How many routine backups are kept: the newest of each of the last 24 hours, 30 days and 12 months. */
export const RETENTION = { hourly: 24, daily: 30, monthly: 12 } as const

/**
 * Backups taken before an operation (migration, import, merge, restore) are what undoes it: they
 * are not thinned with the routine ones, but kept 30 days, and the last ten always.
 */
export const EVENT_RETENTION = { days: 30, atLeast: 10 } as const

export interface DatedBackup {
  name: string
  /** When the backup was taken (ms since the epoch). */
  takenAt: number
}

/**
 * Which backups to keep (grandfather-father-son): the newest backup of each of the 24 most
 * recent hours that have one, of the 30 most recent days, and of the 12 most recent months.
 * Every other backup may go, once the newest one is verified.
 */
export function backupsToKeep(backups: readonly DatedBackup[]): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.takenAt - a.takenAt)
  const keep = new Set<string>()
  const levels: [keyof typeof RETENTION, (d: Date) => string][] = [
    ['hourly', (d) => d.toISOString().slice(0, 13)],
    ['daily', (d) => d.toISOString().slice(0, 10)],
    ['monthly', (d) => d.toISOString().slice(0, 7)],
  ]
  for (const [level, bucketOf] of levels) {
    const seen = new Set<string>()
    for (const backup of newestFirst) {
      const bucket = bucketOf(new Date(backup.takenAt))
      if (seen.has(bucket)) continue
      if (seen.size >= RETENTION[level]) break
      seen.add(bucket)
      keep.add(backup.name)
    }
  }
  return keep
}

/** The event backups to keep: those of the last 30 days, and the ten newest whatever their age. */
export function eventBackupsToKeep(backups: readonly DatedBackup[], now: number): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.takenAt - a.takenAt)
  const horizon = now - EVENT_RETENTION.days * 24 * 60 * 60 * 1000
  return new Set(
    newestFirst
      .filter((b, index) => index < EVENT_RETENTION.atLeast || b.takenAt >= horizon)
      .map((b) => b.name),
  )
}

/**
 * The backups the retention rules no longer keep: routine ones beyond one per hour, day and
 * month; operation ones older than 30 days beyond the last ten. Manual backups and damaged files
 * set aside are never among them: they stay until the user deletes them.
 */
export function backupsToRemove(
  backups: readonly (DatedBackup & { trigger: BackupTrigger })[],
  now: number,
): string[] {
  const routine = backups.filter((b) => retentionOf(b.trigger) === 'routine')
  const operations = backups.filter((b) => retentionOf(b.trigger) === 'operation')
  const keep = new Set([...backupsToKeep(routine), ...eventBackupsToKeep(operations, now)])
  return [...routine, ...operations].filter((b) => !keep.has(b.name)).map((b) => b.name)
}
