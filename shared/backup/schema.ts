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
}

export const backupName = z.strictObject({
  name: z
    .string({ error: 'validation.invalidType' })
    .max(300)
    .regex(/^[^/\\]+\.sqlite$/, { error: 'validation.invalidType' }),
})
