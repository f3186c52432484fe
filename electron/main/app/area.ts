import { defineArea } from '../area'
import { appHandlers, fileHandlers } from './app-handlers'

/** The app area: the handlers of its channels (shared/app/channels.ts). */
export const appArea = defineArea<'app' | 'file'>({
  name: 'app',
  handlers: (core) => ({
    ...appHandlers(core),
    ...fileHandlers(core),
  }),
})
