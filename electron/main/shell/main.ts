import { join } from 'node:path'
import type { BrowserWindow } from 'electron'
import { app, ipcMain, session } from 'electron'
import { AppCore } from '../app/app-core'
import { createDispatcher } from '../ipc/dispatch'
import { createHandlers } from '../ipc/handlers'
import { translate } from '../../../shared/i18n/translate'
import { MENU_EVENT } from '../../../shared/contract/menu-commands'
import { electronHost } from './electron-host'
import { electronKeychain } from './electron-keychain'
import { registerChannels } from './ipc'
import { installMenu } from './menu'
import { registerAppScheme, serveRenderer } from './protocol'
import {
  APP_ORIGIN,
  denyAllPermissions,
  hardenWebContents,
  isTrustedSender,
  originOf,
} from './security'
import { createMainWindow } from './window'

/**
 * The Electron shell: windows, menus, dialogs and IPC registration, and nothing else. Every
 * decision about data is the core's (AppCore), which runs the same without this file.
 */
app.enableSandbox()
registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  const trustedOrigin = (devServerUrl && originOf(devServerUrl)) || APP_ORIGIN

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, trustedOrigin))

  void app.whenReady().then(async () => {
    const core = await AppCore.start({
      appFolder: app.getPath('userData'),
      appVersion: app.getVersion(),
      host: electronHost(
        () => mainWindow,
        () => {
          installMenu(core, () => mainWindow, { devTools: !app.isPackaged })
          const file = core.fileInfo()
          mainWindow?.setTitle(
            file
              ? `${file.name} — ${translate(core.language(), 'app.name')}`
              : translate(core.language(), 'app.name'),
          )
        },
        electronKeychain(join(app.getPath('userData'), 'keychain.json')),
      ),
    })
    await core.reopenLastFile()

    denyAllPermissions(session.defaultSession)
    serveRenderer(join(import.meta.dirname, '../renderer'))
    const dispatch = createDispatcher(createHandlers(core), () => core.language())
    registerChannels(
      ipcMain,
      dispatch,
      (event) =>
        mainWindow !== null &&
        event.sender === mainWindow.webContents &&
        isTrustedSender(event, trustedOrigin),
      () => core.language(),
    )

    mainWindow = createMainWindow({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
      trustedOrigin,
      prefs: core.prefs,
      language: core.language(),
    })
    mainWindow.on('closed', () => (mainWindow = null))
    core.host.stateChanged()
    // Hourly backups while the file changes; the check itself is cheap.
    // A failed backup (or the next good one) is said at once: the window reads the state again.
    setInterval(
      () =>
        void core.backUpIfDue().then((changed) => {
          if (changed) mainWindow?.webContents.send(MENU_EVENT, 'state.changed')
        }),
      5 * 60 * 1000,
    ).unref()

    app.on('window-all-closed', () => app.quit())
    app.on('will-quit', (event) => {
      event.preventDefault()
      void core.dispose().finally(() => app.exit(0))
    })
  })
}
