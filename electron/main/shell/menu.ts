import { Menu, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { MENU_EVENT, type MenuCommand } from '@shared/contract/menu-commands'
import { LANGUAGES } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import type { AppCore } from '../app/app-core'

/** Builds the native menus in the user's language; called again when the language changes. */
export function installMenu(
  core: AppCore,
  window: () => BrowserWindow | null,
  options: { devTools: boolean },
) {
  const language = core.language()
  const t = (key: MessageKey, params?: Record<string, string>) => translate(language, key, params)
  const send = (command: MenuCommand) => window()?.webContents.send(MENU_EVENT, command)
  const hasFile = core.fileInfo() !== null
  const isMac = process.platform === 'darwin'

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.newFile'), accelerator: 'CmdOrCtrl+N', click: () => send('file.new') },
        { label: t('menu.openFile'), accelerator: 'CmdOrCtrl+O', click: () => send('file.open') },
        { label: t('menu.openDemo'), click: () => send('file.openDemo') },
        { type: 'separator' },
        {
          label: t('menu.closeFile'),
          accelerator: 'CmdOrCtrl+W',
          enabled: hasFile,
          click: () => send('file.close'),
        },
        ...(isMac
          ? []
          : [{ type: 'separator' as const }, { label: t('menu.quit'), role: 'quit' as const }]),
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { label: t('menu.undo'), role: 'undo' },
        { label: t('menu.redo'), role: 'redo' },
        { type: 'separator' },
        { label: t('menu.cut'), role: 'cut' },
        { label: t('menu.copy'), role: 'copy' },
        { label: t('menu.paste'), role: 'paste' },
        { label: t('menu.selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { label: t('menu.zoomIn'), role: 'zoomIn' },
        { label: t('menu.zoomOut'), role: 'zoomOut' },
        { label: t('menu.resetZoom'), role: 'resetZoom' },
        { type: 'separator' },
        { label: t('menu.fullscreen'), role: 'togglefullscreen' },
        {
          label: t('menu.language'),
          submenu: LANGUAGES.map((code) => ({
            label: t(`language.${code}`),
            type: 'radio' as const,
            checked: code === language,
            click: async () => {
              await core.setLanguage(code)
              send('language.changed')
            },
          })),
        },
        ...(options.devTools
          ? [{ label: t('menu.devTools'), role: 'toggleDevTools' as const }]
          : []),
      ],
    },
    {
      label: t('menu.help'),
      role: 'help',
      submenu: [
        {
          label: t('menu.about'),
          click: () => {
            const parent = window()
            const message = {
              type: 'info' as const,
              title: t('app.name'),
              message: t('app.name'),
              detail: t('menu.aboutDetail', { version: core.appVersion }),
            }
            void (parent ? dialog.showMessageBox(parent, message) : dialog.showMessageBox(message))
          },
        },
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
