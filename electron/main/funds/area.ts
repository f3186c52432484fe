import { defineArea } from '../area'
import { fundsServices } from './services'
import type { HandlersOf } from '../ipc/handler'
import {
  ratesHandlers,
  agreementsHandlers,
  receiptsHandlers,
  fundsHandlers,
} from './funds-handlers'

/** The funds area: the handlers of its channels (shared/funds/channels.ts). */
export const fundsArea = defineArea({
  name: 'funds',
  services: fundsServices,
  handlers: (core): HandlersOf<'rates' | 'agreements' | 'receipts' | 'funds'> => ({
    ...ratesHandlers(core),
    ...agreementsHandlers(core),
    ...receiptsHandlers(core),
    ...fundsHandlers(core),
  }),
})
