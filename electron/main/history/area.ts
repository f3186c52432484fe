import { defineArea } from '../area'
import { historyHandlers } from './history-handlers'

/** The history area: the handlers of its channels (shared/history/channels.ts). */
export const historyArea = defineArea<'history'>({
  name: 'history',
  handlers: historyHandlers,
})
