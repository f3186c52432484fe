import { defineArea } from '../area'
import { backupsHandlers } from './backup-handlers'

/** The backup area: the handlers of its channels (shared/backup/channels.ts). */
export const backupArea = defineArea<'backups'>({
  name: 'backup',
  handlers: backupsHandlers,
})
