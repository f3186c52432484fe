/** Why a backup was taken (or, for `damaged`, a damaged file kept aside); part of its name. */
export const BACKUP_TRIGGERS = [
  'open',
  'hourly',
  'manual',
  'migration',
  'import',
  'merge',
  'restore',
  'damaged',
] as const
export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number]

/**
 * How long a backup is kept: routine ones (on opening, hourly) are thinned to one per hour,
 * day and month; those taken before an operation (migration, import, merge, restore) to undo
 * it are kept 30 days and the last ten always; manual backups and damaged files set aside are
 * kept until the user deletes them.
 */
export type BackupRetention = 'routine' | 'operation' | 'untilDeleted'

export function retentionOf(trigger: BackupTrigger): BackupRetention {
  if (trigger === 'open' || trigger === 'hourly') return 'routine'
  if (trigger === 'manual' || trigger === 'damaged') return 'untilDeleted'
  return 'operation'
}
