import { defineArea } from '../area'
import { programmesHandlers } from './programmes-handlers'

/** The programmes area: the handlers of its channels (shared/programmes/channels.ts). */
export const programmesArea = defineArea<'programmes'>({
  name: 'programmes',
  handlers: programmesHandlers,
})
