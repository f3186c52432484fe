import type { HandlerFactory } from '../ipc/handler'

export const programmesHandlers: HandlerFactory<'programmes'> = (core) => ({
  'programmes.list': async (input) => core.requireSession().programmes.list(input),
  'programmes.create': async (input) =>
    core.requireSession().programmes.create(input, core.author()),
  'programmes.update': async ({ id, ...fields }) =>
    core.requireSession().programmes.update(id, fields, core.author()),
  'programmes.archive': async ({ id }) =>
    core.requireSession().programmes.archive(id, core.author()),
  'programmes.restore': async ({ id }) =>
    core.requireSession().programmes.restore(id, core.author()),
})
