import { AppFailure } from '../failure'
import type { HandlerFactory } from '../ipc/handler'
import type { PostgresSettings } from '@shared/sync/schema'
import { missionCopy } from './sync-service'

function sameServer(joined: PostgresSettings | null, asked: PostgresSettings): boolean {
  return (
    joined !== null &&
    joined.host === asked.host &&
    joined.port === asked.port &&
    joined.database === asked.database &&
    joined.user === asked.user &&
    joined.ssl === asked.ssl
  )
}

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
      // The records go only where the user says, in a native dialog: a page (or a script slipped
      // into it) may fill the form, but cannot send the accounts to a server of its own choosing.
      // The server this copy is joined to — same address, base, user and encryption — is not
      // asked about again (a new password for it, say).
      const { password, ...server } = input
      const joined = (await session().sync.status()).server
      if (
        !sameServer(joined, server) &&
        !(await core.host.confirmSyncServer(core.language(), server))
      )
        throw new AppFailure('CANCELLED')
      await session().sync.connectServer({ ...server, password }, core.author())
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
      return core.saved(path)
    },
  }
}
