import { join } from 'node:path'
import type { BrowserWindow } from 'electron'
import { app, dialog, ipcMain, session } from 'electron'
import { AppCore } from '../app/app-core'
import { keepHeapTight } from '../app/heap'
import { buildDemo } from '../demo/build-demo'
import { createSession } from '../app/create-session'
import { REGISTERS } from '../workbook/registers'
import { checkFile } from '../check/file-check'
import { createDispatcher } from '../ipc/dispatch'
import { createHandlers } from '../ipc/handlers'
import { translate } from '@shared/i18n/translate'
import { MENU_EVENT } from '@shared/contract/menu-commands'
import { DEFAULT_LANGUAGE } from '@shared/i18n/locale'
import { type RendererEntry, rendererEntry } from '../security/renderer-entry'
import { electronHost } from './electron-host'
import { electronKeychain } from './electron-keychain'
import { registerChannels } from './ipc'
import { installMenu } from './menu'
import { registerAppScheme, serveRenderer } from './protocol'
import { denyAllPermissions, hardenWebContents, isTrustedSender } from './security'
import { createMainWindow } from './window'

/**
 * The Electron shell: windows, menus, dialogs and IPC registration, and nothing else. Every
 * decision about data is the core's (AppCore), which runs the same without this file.
 */
keepHeapTight()
app.enableSandbox()
registerAppScheme()

const entry = rendererEntry({
  isPackaged: app.isPackaged,
  productionBuild: import.meta.env.PROD,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
})
if (!entry.ok) {
  // A production build never trusts a page from elsewhere with the core: it does not start.
  const message = translate(DEFAULT_LANGUAGE, entry.reason, { url: entry.url.slice(0, 200) })
  console.error(message)
  dialog.showErrorBox(translate(DEFAULT_LANGUAGE, 'app.name'), message)
  app.exit(1)
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  start(entry)
}

function start({ url, trustedOrigin }: RendererEntry & { ok: true }) {
  let mainWindow: BrowserWindow | null = null

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
      buildDemo,
      createSession,
      registers: REGISTERS,
      checkFile,
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
      url,
      trustedOrigin,
      prefs: core.prefs,
      language: core.language(),
      devTools: !app.isPackaged,
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
