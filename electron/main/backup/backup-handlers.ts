import { AppFailure } from '../failure'
import type { HandlerFactory } from '../ipc/handler'

export const backupsHandlers: HandlerFactory<'backups'> = (core) => ({
  'backups.list': async () => core.requireSession().backups.list(),
  'backups.create': async () => {
    await core.backUpNow()
    return core.requireSession().backups.list()
  },
  'backups.restore': async ({ name }) => core.restores.restoreListed(name),
  'backups.delete': async ({ name }) => core.requireSession().backups.remove(name),
  'backups.chooseFile': async ({ forFile }) =>
    // A damaged file only by the token it was given: the page cannot name an arbitrary file.
    core.restores.choose(
      forFile === undefined ? undefined : core.files.redeem(forFile, 'damaged-file'),
    ),
  'backups.restoreChosen': async ({ token, force }) => core.restores.restoreChosen(token, force),
  'backups.folder': async () => core.backupFolder(),
  'backups.chooseFolder': async () => {
    const folder = await core.host.chooseFolder(core.language())
    if (!folder) throw new AppFailure('CANCELLED')
    return core.setBackupFolder(folder)
  },
  'backups.useDefaultFolder': async () => core.setBackupFolder(null),
})
