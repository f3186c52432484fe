import { type ProvidedBy, defineServices } from '../app/area-services'
import { BackupService } from './backup-service'

/** What the backup area adds to the session. */
export const backupServices = defineServices(({ file, now, backupFolder }) => ({
  backups: new BackupService(file, now, backupFolder),
}))

declare module '../app/session' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- what the area adds
  interface SessionServices extends ProvidedBy<typeof backupServices> {}
}
