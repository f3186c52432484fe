import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SECURITY_HEADERS } from '../../../electron/main/security/content-security-policy'
import { mimeTypeOf, resolveRendererFile } from '../../../electron/main/security/renderer-files'

/**
 * Serves the built interface on 127.0.0.1 exactly as the app:// protocol does in the desktop
 * app: same file resolution, same Content-Security-Policy and headers.
 */
export async function serveRenderer(
  root: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const file = resolveRendererFile(root, request.url ?? '/')
    if (!file) {
      response.writeHead(404).end()
      return
    }
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, { 'Content-Type': mimeTypeOf(file), ...SECURITY_HEADERS })
          .end(body),
      () => response.writeHead(404).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
