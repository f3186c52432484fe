import { type ProvidedBy, defineServices } from '../app/area-services'
import { HistoryService } from './history-service'

/** What the history area adds to the session. */
export const historyServices = defineServices(({ file }) => ({
  history: new HistoryService(file),
}))

declare module '../app/session' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- what the area adds
  interface SessionServices extends ProvidedBy<typeof historyServices> {}
}
