import { defineArea } from '../area'
import {
  ratesHandlers,
  agreementsHandlers,
  receiptsHandlers,
  fundsHandlers,
} from './funds-handlers'

/** The funds area: the handlers of its channels (shared/funds/channels.ts). */
export const fundsArea = defineArea<'rates' | 'agreements' | 'receipts' | 'funds'>({
  name: 'funds',
  handlers: (core) => ({
    ...ratesHandlers(core),
    ...agreementsHandlers(core),
    ...receiptsHandlers(core),
    ...fundsHandlers(core),
  }),
})
