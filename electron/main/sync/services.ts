import { defineServices } from '../app/area-services'
import { SyncService } from './sync-service'

/** What the sync area adds to the session. */
export const syncServices = defineServices(({ file, language, passwords }) => ({
  sync: new SyncService(file, language, passwords),
}))
