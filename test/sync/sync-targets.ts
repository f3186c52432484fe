import { mkdir } from 'node:fs/promises'
import type { ConnectServerInput } from '@shared/sync/schema'
import type { TestApp } from '../support/core'

/** The two kinds of sync target the tests run over: a folder, or the test server. */
export type Target = { kind: 'folder'; share: string } | { kind: 'postgres'; url: string | null }

/** The test server's settings and password, as a user types them in Paramètres. */
export function serverSettings(url: string | null | undefined): ConnectServerInput {
  if (!url) {
    // Where PostgreSQL is missing these tests fail (CI installs it) rather than pass unseen.
    throw new Error(
      'PostgreSQL is not installed here (Debian package postgresql; .ci/run installs it)',
    )
  }
  const parsed = new URL(url)
  return {
    host: parsed.hostname,
    port: Number(parsed.port),
    database: parsed.pathname.slice(1),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    ssl: false,
  }
}

/**
 * Joins a copy to the target as a user does in Paramètres → Synchronisation: the shared folder
 * chosen in the dialog, or the server's settings and password typed in.
 */
export async function joinTarget(app: TestApp, target: Target): Promise<void> {
  if (target.kind === 'postgres') {
    await app.ok('sync.connectServer', serverSettings(target.url))
    return
  }
  await mkdir(target.share, { recursive: true })
  app.host.nextFolder = target.share
  await app.ok('sync.chooseFolder', {})
}
