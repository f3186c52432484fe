import { BrowserWindow, screen } from 'electron'
import type { PrefsStore } from '../prefs/prefs-store'
import { translate } from '@shared/i18n/translate'
import type { Language } from '@shared/i18n/locale'
import { hardenWebContents, webPreferences } from './security'

export interface MainWindowOptions {
  preloadPath: string
  url: string
  trustedOrigin: string
  prefs: PrefsStore
  language: Language
  /** Developer tools: only outside a packaged app. */
  devTools: boolean
}

/** The main window, where the user left it (if that place is still on a screen). */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { windowBounds, windowMaximized } = options.prefs.get()
  const visible = windowBounds && isOnSomeDisplay(windowBounds)
  const window = new BrowserWindow({
    ...(visible ? windowBounds : { width: 1280, height: 820 }),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: translate(options.language, 'app.name'),
    backgroundColor: '#ffffff',
    webPreferences: webPreferences(options.preloadPath, { devTools: options.devTools }),
  })
  hardenWebContents(window.webContents, options.trustedOrigin)
  if (windowMaximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  window.on('close', () => {
    void options.prefs.update({
      windowBounds: window.getNormalBounds(),
      windowMaximized: window.isMaximized(),
    })
  })
  void window.loadURL(options.url)
  return window
}

function isOnSomeDisplay(bounds: { x: number; y: number; width: number; height: number }) {
  const area = screen.getDisplayMatching(bounds).workArea
  return (
    bounds.x < area.x + area.width &&
    bounds.x + bounds.width > area.x &&
    bounds.y < area.y + area.height &&
    bounds.y + bounds.height > area.y
  )
}
