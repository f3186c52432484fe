import type { AppCore } from './app-core'
import { AppFailure } from '../failure'
import type { HandlerFactory } from '../ipc/handler'

export const appHandlers: HandlerFactory<'app'> = (core) => ({
  'app.getState': async () => core.state(),
  'app.setLanguage': async ({ language }) => {
    await core.setLanguage(language)
    return core.state()
  },
  'app.setUserName': async ({ name }) => {
    await core.setUserName(name)
    return core.state()
  },
  'app.setLock': async ({ password, minutes }) => {
    await core.setLock(password, minutes)
    return core.state()
  },
  'app.lock': async () => {
    core.lock()
    return core.state()
  },
  'app.unlock': async ({ password }) => {
    await core.unlock(password)
    return core.state()
  },
})

export const fileHandlers: HandlerFactory<'file'> = (core) => ({
  'file.openDemo': async () => offeringRecovery(core, () => core.openDemo()),
  'file.createWithDialog': async () => {
    const path = await core.host.chooseNewFilePath(core.language())
    if (!path) throw new AppFailure('CANCELLED')
    return core.createFile(path)
  },
  'file.openWithDialog': async () => {
    const path = await core.host.chooseExistingFile(core.language())
    if (!path) throw new AppFailure('CANCELLED')
    // Remembered even if it fails to open: a damaged file chosen here can then be recovered.
    await core.prefs.rememberFile(path)
    return offeringRecovery(core, () => core.openFile(path))
  },
  // The page names a data file only by a token: of the recent list, or of a file found damaged.
  'file.openRecent': async ({ file }) => {
    const path = core.fileFor('file.openRecent', file)
    return offeringRecovery(core, () => core.openFile(path))
  },
  'file.viewDamaged': async ({ file }) => core.viewFile(core.fileFor('file.viewDamaged', file)),
  'file.recoverFromBackup': async ({ file }) => {
    const path = core.fileFor('file.recoverFromBackup', file)
    const opened = await core.recoverDamagedFile(path)
    // Recovered once: the file is sound now, and is not to be replaced again.
    core.files.revokeFile(path, 'damaged-file')
    return opened
  },
  'file.forgetRecent': async ({ file }) => {
    const path = core.fileFor('file.forgetRecent', file)
    await core.prefs.forgetFile(path)
    core.files.revokeFile(path, 'data-file')
    return core.state()
  },
  'file.showInFolder': async () => {
    core.host.showItemInFolder(core.requireSession().file.path)
    return null
  },
  'file.reveal': async ({ file }) => {
    core.host.showItemInFolder(core.fileFor('file.reveal', file))
    return null
  },
  'file.close': async () => {
    await core.closeFile()
    return core.state()
  },
})

/**
 * Opens a data file; one found damaged is refused with a token for it (`damaged-file`), so that
 * the start screen can offer to recover it from a backup or to look at it.
 */
async function offeringRecovery<T>(core: AppCore, open: () => Promise<T>): Promise<T> {
  try {
    return await open()
  } catch (error) {
    if (
      !(error instanceof AppFailure) ||
      error.code !== 'FILE_DAMAGED' ||
      typeof error.params.path !== 'string'
    )
      throw error
    const file = core.files.grant(error.params.path, 'damaged-file')
    throw new AppFailure(error.code, error.key, { ...error.params, file }, error.fields)
  }
}
