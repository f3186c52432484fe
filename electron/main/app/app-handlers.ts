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
  'file.openDemo': async () => core.openDemo(),
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
    return core.openFile(path)
  },
  // Only a path the user chose before: the renderer cannot name an arbitrary file to open.
  'file.openRecent': async ({ path }) => {
    if (!core.prefs.get().recentFiles.includes(path)) throw new AppFailure('FORBIDDEN')
    return core.openFile(path)
  },
  'file.viewDamaged': async ({ path }) => {
    if (!core.prefs.get().recentFiles.includes(path)) throw new AppFailure('FORBIDDEN')
    return core.viewFile(path)
  },
  'file.recoverFromBackup': async ({ path }) => {
    if (!core.prefs.get().recentFiles.includes(path)) throw new AppFailure('FORBIDDEN')
    return core.restores.recoverLatest(path)
  },
  'file.recoverFromChosen': async ({ path, token, force }) => {
    if (!core.prefs.get().recentFiles.includes(path)) throw new AppFailure('FORBIDDEN')
    return core.restores.recoverFromChosen(path, token, force)
  },
  'file.forgetRecent': async ({ path }) => {
    await core.prefs.forgetFile(path)
    return core.state()
  },
  'file.showInFolder': async () => {
    core.host.showItemInFolder(core.requireSession().file.path)
    return null
  },
  'file.close': async () => {
    await core.closeFile()
    return core.state()
  },
})
