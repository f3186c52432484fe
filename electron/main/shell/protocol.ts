import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { SECURITY_HEADERS } from '../security/content-security-policy'
import { mimeTypeOf, resolveRendererFile } from '../security/renderer-files'
import { APP_SCHEME } from './security'

/** Must run before the app is ready: `app://` behaves like https (secure, standard origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves the built interface from `root`, with the security headers, and nothing outside it. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveRendererFile(root, new URL(request.url).pathname)
    if (!file) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(body, {
        headers: { 'Content-Type': mimeTypeOf(file), ...SECURITY_HEADERS },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
