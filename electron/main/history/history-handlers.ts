import type { HandlerFactory } from '../ipc/handler'

export const historyHandlers: HandlerFactory<'history'> = (core) => ({
  'history.forRecord': async ({ table, id }) => core.requireSession().history.forRecord(table, id),
})
