import { AppFailure } from '../failure'
import type { HandlerFactory } from '../ipc/handler'

export const organisationHandlers: HandlerFactory<'organisation'> = (core) => ({
  'organisation.get': async () => core.requireSession().organisation.get(),
  'organisation.update': async (input) =>
    core.requireSession().organisation.update(input, core.author()),
  'organisation.chooseLogo': async () => {
    const session = core.requireSession()
    const path = await core.host.chooseImage(core.language())
    if (!path) throw new AppFailure('CANCELLED')
    return session.organisation.setLogoFromFile(path, core.author())
  },
  'organisation.removeLogo': async () =>
    core.requireSession().organisation.removeLogo(core.author()),
})
