import { defineArea } from '../area'
import { workbookHandlers } from './workbook-handlers'

/** The workbook area: the handlers of its channels (shared/workbook/channels.ts). */
export const workbookArea = defineArea({
  name: 'workbook',
  services: undefined,
  handlers: workbookHandlers,
  registers: [],
  invariants: [],
})
