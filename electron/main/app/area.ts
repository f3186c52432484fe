import { defineArea } from '../area'
import type { HandlersOf } from '../ipc/handler'
import { appHandlers, fileHandlers } from './app-handlers'

/** The app area: the handlers of its channels (shared/app/channels.ts). */
export const appArea = defineArea({
  name: 'app',
  services: undefined,
  handlers: (core): HandlersOf<'app' | 'file'> => ({
    ...appHandlers(core),
    ...fileHandlers(core),
  }),
  registers: [],
  invariants: [],
})
