import type { MessageKey } from '@shared/i18n/messages/catalog'

/** The only origin the built interface is loaded from (a custom, standard and secure scheme). */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://aimf`

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

export type RendererEntry =
  { ok: true; url: string; trustedOrigin: string } | { ok: false; reason: MessageKey; url: string }

/**
 * Where the window loads the interface from. Always the built interface served on `app://`,
 * except in a development build run from the sources, where electron-vite's dev server on this
 * machine may serve it (ELECTRON_RENDERER_URL). A production build — packaged or not — given a
 * renderer URL refuses to start rather than trust a page from elsewhere with the core.
 */
export function rendererEntry(options: {
  isPackaged: boolean
  productionBuild: boolean
  devServerUrl: string | undefined
}): RendererEntry {
  const { devServerUrl } = options
  if (devServerUrl === undefined || devServerUrl === '') {
    return { ok: true, url: `${APP_ORIGIN}/index.html`, trustedOrigin: APP_ORIGIN }
  }
  if (options.isPackaged || options.productionBuild) {
    return { ok: false, reason: 'errors.rendererUrlProduction', url: devServerUrl }
  }
  let url: URL
  try {
    url = new URL(devServerUrl)
  } catch {
    return { ok: false, reason: 'errors.rendererUrlNotLocal', url: devServerUrl }
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
    return { ok: false, reason: 'errors.rendererUrlNotLocal', url: devServerUrl }
  }
  return { ok: true, url: url.toString(), trustedOrigin: url.origin }
}
