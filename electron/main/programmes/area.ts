import { defineArea } from '../area'
import { programmesServices } from './services'
import { programmesHandlers } from './programmes-handlers'

/** The programmes area: the handlers of its channels (shared/programmes/channels.ts). */
export const programmesArea = defineArea({
  name: 'programmes',
  services: programmesServices,
  handlers: programmesHandlers,
})
