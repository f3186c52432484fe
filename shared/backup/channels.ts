import { channel, none } from '../contract/channel'
import type { OpenFileInfo } from '../app/schema'
import type { BackupFolder, BackupInfo, ChosenBackup } from './schema'
import { backupName, chooseBackupInput, restoreChosenInput } from './schema'

/** The channels of the backup area (see shared/contract/channels.ts). */
export const BACKUP_CHANNELS = {
  'backups.list': channel<BackupInfo[]>()(none),
  'backups.create': channel<BackupInfo[]>()(none),
  'backups.restore': channel<OpenFileInfo>()(backupName),
  'backups.delete': channel<BackupInfo[]>()(backupName),
  /** A native dialog to choose a file to restore from; the path stays in the core. */
  'backups.chooseFile': channel<ChosenBackup>()(chooseBackupInput),
  'backups.restoreChosen': channel<OpenFileInfo>()(restoreChosenInput),
  'backups.folder': channel<BackupFolder>()(none),
  'backups.chooseFolder': channel<BackupFolder>()(none),
  'backups.useDefaultFolder': channel<BackupFolder>()(none),
} as const
