import { type BackupTrigger, BACKUP_TRIGGERS } from '@shared/backup/triggers'

/**
 * A backup's name: its file's name, when (UTC, to the millisecond), why, and its file's identity
 * (see db/file-identity.ts) — `compta.20260314-093000-125.manual.4f1c9a0b2e7d6c53.sqlite`.
 * Backups made before file ids have no identity in their name; their content says whose they are.
 */
const NAME = /^(.+)\.(\d{8}-\d{6}-\d{3})\.([a-z]+)(?:\.([0-9a-f]{16}))?\.sqlite$/

export interface ParsedBackupName {
  /** The name of the file it is a backup of, without `.sqlite`. */
  base: string
  takenAt: Date
  trigger: BackupTrigger
  /** The identity of its file, or null for a backup named before file ids. */
  fileId: string | null
}

function stampOf(takenAt: Date): string {
  const iso = takenAt.toISOString()
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${iso.slice(20, 23)}`
}

function dateOfStamp(stamp: string): Date {
  const [day = '', time = '', ms = ''] = stamp.split('-')
  return new Date(
    `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.${ms}Z`,
  )
}

/** The name of the file at `path` without its folder and `.sqlite`. */
export function baseNameOf(path: string): string {
  return path.replace(/^.*[\\/]/, '').replace(/\.sqlite$/, '')
}

export function backupFileName(
  path: string,
  takenAt: Date,
  trigger: BackupTrigger,
  fileId: string | null,
): string {
  return `${baseNameOf(path)}.${stampOf(takenAt)}.${trigger}${fileId ? `.${fileId}` : ''}.sqlite`
}

/** Reads a backup's name; null for any other file. */
export function parseBackupName(name: string): ParsedBackupName | null {
  const match = NAME.exec(name)
  if (!match) return null
  const trigger = match[3] as BackupTrigger
  const takenAt = dateOfStamp(match[2] ?? '')
  if (!BACKUP_TRIGGERS.includes(trigger) || Number.isNaN(takenAt.getTime())) return null
  return { base: match[1] ?? '', takenAt, trigger, fileId: match[4] ?? null }
}

/** The folder of a file's backups: `backups/` beside it. */
export function backupFolderOf(path: string): string {
  return `${path.replace(/[\\/][^\\/]*$/, '')}/backups`
}
