import { AppFailure } from '../failure'
import type { HandlerFactory } from '../ipc/handler'
import { missionCopy } from './sync-service'

export const syncHandlers: HandlerFactory<'sync'> = (core) => {
  const session = () => core.requireSession()
  return {
    'sync.status': async () => session().sync.status(),
    'sync.chooseFolder': async () => {
      const folder = await core.host.chooseFolder(core.language())
      if (!folder) throw new AppFailure('CANCELLED')
      await session().sync.syncFolder(folder, core.author())
      return session().sync.status()
    },
    'sync.connectServer': async (input) => {
      await session().sync.connectServer(input, core.author())
      return session().sync.status()
    },
    'sync.now': async () => session().sync.syncNow(core.author()),
    'sync.conflicts': async () => session().sync.conflicts(),
    'sync.cancelDuplicate': async ({ id, recordId }) => {
      const { sync, receipts, duesPayments } = session()
      await sync.cancelDuplicate(id, recordId, core.author(), { receipts, duesPayments })
      return sync.conflicts()
    },
    'sync.resolve': async ({ id, choice }) => {
      await session().sync.resolve(id, choice, core.author())
      return session().sync.conflicts()
    },
    'sync.setPassphrase': async ({ passphrase }) => {
      await session().sync.setPassphrase(passphrase)
      return session().sync.status()
    },
    'sync.missionCopy': async () => {
      const path = await core.host.chooseNewFilePath(core.language())
      if (!path) throw new AppFailure('CANCELLED')
      await missionCopy(session().file, session().sync, path)
      return { path }
    },
  }
}
