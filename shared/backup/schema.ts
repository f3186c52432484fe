import { z } from 'zod'

/** Why a backup was taken; part of its file name. */
export const BACKUP_TRIGGERS = [
  'open',
  'hourly',
  'manual',
  'migration',
  'import',
  'merge',
  'restore',
] as const
export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number]

export interface BackupInfo {
  name: string
  takenAt: string
  trigger: BackupTrigger
  size: number
  /** The folder it is in: the one chosen in Paramètres, or `backups/` beside the file. */
  folder: string
}

/** Where the open file's backups go. */
export interface BackupFolder {
  folder: string
  /** True for `backups/` beside the file. */
  isDefault: boolean
}

export const backupName = z.strictObject({
  name: z
    .string({ error: 'validation.invalidType' })
    .max(300)
    .regex(/^[^/\\]+\.sqlite$/, { error: 'validation.invalidType' }),
})
