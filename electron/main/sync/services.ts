import { type ProvidedBy, defineServices } from '../app/area-services'
import { SyncService } from './sync-service'

/** What the sync area adds to the session. */
export const syncServices = defineServices(({ file, language, passwords }) => ({
  sync: new SyncService(file, language, passwords),
}))

declare module '../app/session' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- what the area adds
  interface SessionServices extends ProvidedBy<typeof syncServices> {}
}
