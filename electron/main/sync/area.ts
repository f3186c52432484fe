import { defineArea } from '../area'
import { syncHandlers } from './sync-handlers'

/** The sync area: the handlers of its channels (shared/sync/channels.ts). */
export const syncArea = defineArea<'sync'>({
  name: 'sync',
  handlers: syncHandlers,
})
