import { defineArea } from '../area'
import { duesServices } from './services'
import type { HandlersOf } from '../ipc/handler'
import { duesHandlers } from './dues-handlers'
import { lettersHandlers } from './letters-handlers'

/** The dues area: the handlers of its channels (shared/dues/channels.ts). */
export const duesArea = defineArea({
  name: 'dues',
  services: duesServices,
  handlers: (core): HandlersOf<'dues' | 'letters'> => ({
    ...duesHandlers(core),
    ...lettersHandlers(core),
  }),
})
