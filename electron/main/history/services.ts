import { defineServices } from '../app/area-services'
import { HistoryService } from './history-service'

/** What the history area adds to the session. */
export const historyServices = defineServices(({ file }) => ({
  history: new HistoryService(file),
}))
