import { resolve } from 'node:path'
import { createSession } from '../app/create-session'
import { DataFile } from '../db/data-file'
import { missionCopy } from '../sync/sync-service'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import { type PostgresSettings, postgresSettings } from '@shared/sync/schema'
import { setAsideMessage } from '@shared/sync/set-aside-message'

type Out = (line: string) => void

/**
 * `aimf sync FILE --folder DIR` or `--postgres URL` (prints what was sent and received and what needs review; exit
 * 2 when something does), `aimf sync-status FILE`, `aimf mission-copy FILE NEWFILE`.
 */
export async function syncCommand(
  command: 'sync' | 'sync-status' | 'mission-copy',
  path: string,
  options: {
    folder?: string
    /** postgres://user[:password]@host[:port]/database[?sslmode=require] */
    postgres?: string
    passphrase?: string
    target?: string
    json: boolean
    author: string
  },
  language: Language,
  out: Out,
  err: Out,
): Promise<number> {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(language, key, params)
  const server = options.postgres ? serverOf(options.postgres) : null
  if (
    command === 'sync' &&
    (!options.folder === !options.postgres || (options.postgres && !server))
  ) {
    err(t('cli.syncUsage'))
    return 2
  }
  if (command === 'mission-copy' && !options.target) {
    err(t('cli.missionCopyUsage'))
    return 2
  }
  const file = await DataFile.open(path)
  try {
    const session = createSession(file, () => language)
    if (command === 'mission-copy') {
      const target = resolve(options.target ?? '')
      await missionCopy(file, session.sync, target)
      out(t('sync.missionCopied', { path: target }))
      return 0
    }
    if (command === 'sync-status') {
      const status = await session.sync.status()
      if (options.json) out(JSON.stringify(status))
      else {
        out(
          t('sync.statusLine', {
            unsent: status.unsent,
            files: status.filesApplied,
            review: status.toReview,
          }),
        )
        out(
          t('sync.identity', {
            dataset: status.datasetId ?? t('sync.noDataset'),
            replica: status.replicaId,
          }),
        )
        if (status.folder) out(t('sync.folderLine', { folder: status.folder }))
        if (status.server)
          out(t('sync.serverLine', { ...status.server, ssl: String(status.server.ssl) }))
      }
      return status.toReview > 0 ? 2 : 0
    }
    if (options.passphrase) await session.sync.setPassphrase(options.passphrase)
    const report = server
      ? await session.sync.syncServer(server.settings, server.password, options.author)
      : await session.sync.syncFolder(resolve(options.folder ?? ''), options.author)
    // Each file set aside with its message, in the language asked: read by people and scripts.
    const skipped = report.skipped.map((file) => ({ ...file, message: setAsideMessage(file, t) }))
    if (options.json) out(JSON.stringify({ ...report, skipped }))
    else {
      out(
        t('sync.reportLine', {
          sent: report.sent,
          received: report.received,
          conflicts: report.conflicts,
          review: report.toReview,
        }),
      )
      for (const file of skipped) err(file.message)
    }
    return report.toReview > 0 ? 2 : 0
  } finally {
    await file.close()
  }
}

/**
 * A server given as a URL. Its password, if the URL has one, is used for this run only; without
 * one, PGPASSWORD or the PostgreSQL password file gives it, as for psql.
 */
function serverOf(url: string): { settings: PostgresSettings; password: string | null } | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') return null
  const settings = postgresSettings.safeParse({
    host: decodeURIComponent(parsed.hostname).replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : 5432,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
    user: decodeURIComponent(parsed.username),
    ssl: ['require', 'verify-ca', 'verify-full'].includes(parsed.searchParams.get('sslmode') ?? ''),
  })
  if (!settings.success) return null
  return {
    settings: settings.data,
    password: parsed.password ? decodeURIComponent(parsed.password) : null,
  }
}
