import type { IpcMainInvokeEvent, Session, WebContents, WebPreferences } from 'electron'
import { shell } from 'electron'

export { APP_ORIGIN, APP_SCHEME } from '../security/renderer-entry'

/** Sites the interface may open in the user's browser (help, the AIMF's own site). */
const EXTERNAL_HOSTS = new Set(['www.aimf.asso.fr', 'aimf.asso.fr'])

/**
 * The window's settings, each the safe one of Electron's security checklist, set explicitly so
 * that a changed default never loosens them; no Blink feature is switched on
 * (`enableBlinkFeatures` is left out on purpose). Developer tools only outside a packaged app.
 */
export function webPreferences(
  preloadPath: string,
  options: { devTools: boolean } = { devTools: false },
): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    devTools: options.devTools,
  }
}

/** Opens an https link of an allowed site in the user's browser; refuses anything else. */
export function openExternalIfAllowed(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:' || !EXTERNAL_HOSTS.has(parsed.hostname)) return false
  void shell.openExternal(parsed.toString())
  return true
}

/**
 * Every web contents: no navigation away from the interface, no new window (an allowed https
 * link goes to the browser instead), no <webview>.
 */
export function hardenWebContents(contents: WebContents, trustedOrigin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (originOf(url) !== trustedOrigin) event.preventDefault()
  })
  // Frames too (an <iframe> the CSP would block anyway): nothing leaves the interface's origin.
  contents.on('will-frame-navigate', (event) => {
    if (originOf(event.url) !== trustedOrigin) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (originOf(url) !== trustedOrigin) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url)
    return { action: 'deny' }
  })
}

/** The interface needs no camera, microphone, location, notifications...: every request is denied. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/**
 * A call is answered only when it comes from the top frame of one of our windows, showing a page
 * of our own origin: an iframe, an injected page or a navigated-away window gets nothing.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, trustedOrigin: string): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  if (frame !== event.sender.mainFrame) return false
  return originOf(frame.url) === trustedOrigin
}

export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin
  } catch {
    return null
  }
}
