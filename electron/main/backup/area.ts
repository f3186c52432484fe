import { defineArea } from '../area'
import { backupServices } from './services'
import { backupsHandlers } from './backup-handlers'

/** The backup area: the handlers of its channels (shared/backup/channels.ts). */
export const backupArea = defineArea({
  name: 'backup',
  services: backupServices,
  handlers: backupsHandlers,
  registers: [],
  invariants: [],
})
