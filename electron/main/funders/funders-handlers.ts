import type { HandlerFactory } from '../ipc/handler'
import { funderAccount } from './funder-account'

export const fundersHandlers: HandlerFactory<'funders'> = (core) => ({
  'funders.list': async (input) => core.requireSession().funders.list(input),
  'funders.get': async ({ id }) => core.requireSession().funders.get(id),
  'funders.account': async ({ id }) => funderAccount(core.requireSession(), id),
  'funders.create': async (input) => core.requireSession().funders.create(input, core.author()),
  'funders.update': async ({ id, ...fields }) =>
    core.requireSession().funders.update(id, fields, core.author()),
  'funders.archive': async ({ id }) => core.requireSession().funders.archive(id, core.author()),
  'funders.restore': async ({ id }) => core.requireSession().funders.restore(id, core.author()),
})
