import { defineArea } from '../area'
import { syncServices } from './services'
import { syncHandlers } from './sync-handlers'

/** The sync area: the handlers of its channels (shared/sync/channels.ts). */
export const syncArea = defineArea({
  name: 'sync',
  services: syncServices,
  handlers: syncHandlers,
  registers: [],
  invariants: [],
})
