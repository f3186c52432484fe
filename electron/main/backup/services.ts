import { defineServices } from '../app/area-services'
import { BackupService } from './backup-service'

/** What the backup area adds to the session. */
export const backupServices = defineServices(({ file, now, backupFolder }) => ({
  backups: new BackupService(file, now, backupFolder),
}))
