import type { HandlerFactory } from '../ipc/handler'

export const membersHandlers: HandlerFactory<'members'> = (core) => ({
  'members.list': async (input) => core.requireSession().members.list(input),
  'members.get': async ({ id }) => core.requireSession().members.get(id),
  'members.create': async (fields) => core.requireSession().members.create(fields, core.author()),
  'members.update': async ({ id, fields }) =>
    core.requireSession().members.update(id, fields, core.author()),
  'members.archive': async ({ id }) => core.requireSession().members.archive(id, core.author()),
  'members.restore': async ({ id }) => core.requireSession().members.restore(id, core.author()),
  'members.account': async ({ id }) => core.requireSession().dues.account(id),
  'members.addRole': async (input) => core.requireSession().dues.addRole(input, core.author()),
  'members.removeRole': async ({ id }) => core.requireSession().dues.removeRole(id, core.author()),
  'members.addContact': async (input) =>
    core.requireSession().dues.addContact(input, core.author()),
  'members.removeContact': async ({ id }) =>
    core.requireSession().dues.removeContact(id, core.author()),
})
