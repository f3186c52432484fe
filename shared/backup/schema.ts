import { z } from 'zod'
import { fileToken } from '../files/schema'
import type { BackupRetention, BackupTrigger } from './triggers'

export { BACKUP_TRIGGERS, type BackupTrigger, type BackupRetention, retentionOf } from './triggers'

export interface BackupInfo {
  name: string
  takenAt: string
  trigger: BackupTrigger
  size: number
  /** The folder it is in: the one chosen in Paramètres, or `backups/` beside the file. */
  folder: string
  retention: BackupRetention
  /** False for a damaged file kept aside: it can be deleted, not restored. */
  restorable: boolean
}

/** Where the open file's backups go. */
export interface BackupFolder {
  folder: string
  /** True for `backups/` beside the file. */
  isDefault: boolean
  /** Free space on that folder's disk, in bytes (null when the system does not say). */
  freeBytes: number | null
}

/**
 * A file chosen in a dialog to restore from, checked (sound, an AIMF file, a schema this
 * version reads) and compared with the file it would replace. The path stays in the core:
 * the page holds only the token.
 */
export interface ChosenBackup {
  token: string
  /** The chosen file's name (without its folder). */
  name: string
  takenAt: string
  trigger: BackupTrigger | null
  size: number
  /** Whose backup it is: this file's, another copy of the same data, or another file's. */
  kinship: 'sameFile' | 'sameDataset' | 'otherFile'
  /** The name of the file it is a backup of, when it says. */
  of: string | null
  /** Anomalies `aimf check` finds in its accounts: restoring it then needs a second yes. */
  anomalies: number
}

export const backupName = z.strictObject({
  name: z
    .string({ error: 'validation.invalidType' })
    .max(300)
    .regex(/^[^/\\]+\.sqlite$/, { error: 'validation.invalidType' }),
})

const token = z.uuid({ error: 'validation.uuid' })
const force = z.boolean({ error: 'validation.invalidType' })

/** The open file, or a damaged one of the recent list, to be restored from a chosen file. */
export const chooseBackupInput = z.strictObject({ forFile: fileToken.optional() })
export const restoreChosenInput = z.strictObject({ token, force })
export const recoverFromChosenInput = z.strictObject({ file: fileToken, token, force })
