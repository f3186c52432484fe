import { defineArea } from '../area'
import { duesHandlers } from './dues-handlers'
import { lettersHandlers } from './letters-handlers'

/** The dues area: the handlers of its channels (shared/dues/channels.ts). */
export const duesArea = defineArea<'dues' | 'letters'>({
  name: 'dues',
  handlers: (core) => ({
    ...duesHandlers(core),
    ...lettersHandlers(core),
  }),
})
