import { AppFailure } from '../failure'
import type { HandlerFactory } from '../ipc/handler'

export const backupsHandlers: HandlerFactory<'backups'> = (core) => ({
  'backups.list': async () => core.requireSession().backups.list(),
  'backups.create': async () => {
    const session = core.requireSession()
    await session.backups.create('manual')
    return session.backups.list()
  },
  'backups.restore': async ({ name }) => core.restoreBackup(name),
  'backups.folder': async () => core.backupFolder(),
  'backups.chooseFolder': async () => {
    const folder = await core.host.chooseFolder(core.language())
    if (!folder) throw new AppFailure('CANCELLED')
    return core.setBackupFolder(folder)
  },
  'backups.useDefaultFolder': async () => core.setBackupFolder(null),
})
