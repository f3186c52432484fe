import { dialog, shell, type BrowserWindow } from 'electron'
import type { Host } from '../host'
import type { Keychain } from '../sync/server-passwords'
import { translate } from '@shared/i18n/translate'
import type { Language } from '@shared/i18n/locale'

/** The core's host on the desktop: native file dialogs, the file manager, the keychain. */
export function electronHost(
  window: () => BrowserWindow | null,
  onStateChanged: () => void,
  keychain: Keychain,
): Host {
  const fileFilters = (language: Language) => [
    { name: translate(language, 'dialog.filterName'), extensions: ['sqlite'] },
  ]
  return {
    async chooseNewFilePath(language) {
      const options = {
        title: translate(language, 'dialog.newFileTitle'),
        defaultPath: 'AIMF-Finances.sqlite',
        filters: fileFilters(language),
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      }
      const parent = window()
      const result = await (parent
        ? dialog.showSaveDialog(parent, options)
        : dialog.showSaveDialog(options))
      if (result.canceled || !result.filePath) return null
      return result.filePath.endsWith('.sqlite') ? result.filePath : `${result.filePath}.sqlite`
    },
    async chooseExistingFile(language) {
      return pickOne(window(), {
        title: translate(language, 'dialog.openFileTitle'),
        filters: fileFilters(language),
        properties: ['openFile'],
      })
    },
    async chooseImage(language) {
      return pickOne(window(), {
        title: translate(language, 'dialog.logoTitle'),
        filters: [
          { name: translate(language, 'dialog.imagesName'), extensions: ['png', 'jpg', 'jpeg'] },
        ],
        properties: ['openFile'],
      })
    },
    async chooseExportPath(language, suggestedName) {
      const options = {
        title: translate(language, 'dialog.exportTitle'),
        defaultPath: suggestedName,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      }
      const parent = window()
      const result = await (parent
        ? dialog.showSaveDialog(parent, options)
        : dialog.showSaveDialog(options))
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseFolder(language) {
      return pickOne(window(), {
        title: translate(language, 'dialog.folderTitle'),
        properties: ['openDirectory', 'createDirectory'],
      })
    },
    async chooseBackupFile(language) {
      return pickOne(window(), {
        title: translate(language, 'dialog.backupFileTitle'),
        filters: fileFilters(language),
        properties: ['openFile'],
      })
    },
    async chooseDocument(language) {
      return pickOne(window(), {
        title: translate(language, 'dialog.documentTitle'),
        properties: ['openFile'],
      })
    },
    async confirmSyncServer(language, server) {
      const options = {
        type: 'question' as const,
        title: translate(language, 'dialog.syncServerTitle'),
        message: translate(language, 'dialog.syncServerMessage', {
          server: `${server.host}:${server.port}`,
          database: server.database,
          user: server.user,
        }),
        detail: translate(language, 'dialog.syncServerDetail'),
        buttons: [
          translate(language, 'dialog.syncServerConnect'),
          translate(language, 'common.cancel'),
        ],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      }
      const parent = window()
      const { response } = await (parent
        ? dialog.showMessageBox(parent, options)
        : dialog.showMessageBox(options))
      return response === 0
    },
    showItemInFolder(path) {
      shell.showItemInFolder(path)
    },
    async openPath(path) {
      // shell.openPath answers with an error message, empty when the file was opened.
      const problem = await shell.openPath(path)
      if (problem) throw new Error(problem)
    },
    stateChanged: onStateChanged,
    saveSecret: (name, secret) => keychain.saveSecret(name, secret),
    readSecret: (name) => keychain.readSecret(name),
  }
}

async function pickOne(parent: BrowserWindow | null, options: Electron.OpenDialogOptions) {
  const result = await (parent
    ? dialog.showOpenDialog(parent, options)
    : dialog.showOpenDialog(options))
  return result.canceled ? null : (result.filePaths[0] ?? null)
}
