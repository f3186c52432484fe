import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { runCli } from '../../electron/main/cli/cli'
import { missionCopy } from '../../electron/main/sync/sync-service'
import { startTestApp, type TestApp } from '../support/core'
import { contentChecksum } from '../support/files'
import { serverSettings } from './sync-targets'

const url = inject('postgresUrl')
const apps: TestApp[] = []
afterEach(async () => {
  for (const app of apps.splice(0)) await app.core.dispose()
})

const server = () => serverSettings(url)

async function app(path?: string): Promise<TestApp> {
  const started = await startTestApp({ openFile: !path })
  if (path) await started.core.openFile(path)
  apps.push(started)
  return started
}

async function funder(on: TestApp, name: string, notes: string | null = null) {
  return on.ok('funders.create', { name, kind: 'foundation', defaultCurrency: 'EUR', notes })
}

const local = !url && !process.env.CI
describe.skipIf(local)('offline sync through a PostgreSQL server', () => {
  it('connects, keeps the password in the keychain and never in the file, and merges two copies', async () => {
    const office = await app()
    await funder(office, 'Fondation de Dakar')
    const status = await office.ok('sync.connectServer', server())
    expect(status).toMatchObject({
      folder: null,
      server: { host: server().host, user: server().user, ssl: false },
      serverPassword: 'keychain',
    })
    const path = office.core.requireSession().file.path
    const bytes = await readFile(path)
    expect(bytes.includes(Buffer.from(server().password))).toBe(false)
    expect(office.host.keychain?.size).toBe(1)
    // The user was asked, in the host's dialog, before any record left — about that server only.
    const { password: _password, ...asked } = server()
    expect(office.host.askedServers).toEqual([asked])

    // A mission laptop: the copy knows the server, not the password (another machine).
    const missionPath = join(office.folder, 'mission.sqlite')
    const session = office.core.requireSession()
    await missionCopy(session.file, session.sync, missionPath)
    const mission = await app(missionPath)
    expect(await mission.ok('sync.status', {})).toMatchObject({ serverPassword: 'none' })
    const refused = await mission.call('sync.now', {})
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.code).toBe('SYNC_UNREACHABLE')
      expect(refused.error.message).toContain(server().user)
    }
    await mission.ok('sync.connectServer', server())
    // The copy came joined to that server: typing its password in again asks nothing.
    expect(mission.host.askedServers).toEqual([])

    const dakar = (await mission.ok('funders.list', {}))[0]
    if (!dakar) throw new Error('the office’s funder did not arrive')
    await mission.ok('funders.update', {
      id: dakar.id,
      name: dakar.name,
      kind: 'foundation',
      defaultCurrency: 'EUR',
      contactName: 'Awa Ndiaye',
    })
    await funder(mission, 'Fondation de Lomé')
    await office.ok('funders.update', {
      id: dakar.id,
      name: dakar.name,
      kind: 'foundation',
      defaultCurrency: 'EUR',
      notes: 'Revue au bureau',
    })
    expect((await mission.ok('sync.now', {})).sent).toBeGreaterThan(0)
    expect((await office.ok('sync.now', {})).received).toBeGreaterThan(0)
    await mission.ok('sync.now', {})
    const listed = async (on: TestApp) =>
      (await on.ok('funders.list', {})).map((f) => [f.name, f.contactName, f.notes])
    expect(await listed(office)).toEqual([
      ['Fondation de Dakar', 'Awa Ndiaye', 'Revue au bureau'],
      ['Fondation de Lomé', null, null],
    ])
    expect(await listed(mission)).toEqual(await listed(office))

    // What the server holds: whole change files of this dataset, one row each, sealed or not.
    const client = new pg.Client({ connectionString: url ?? '' })
    await client.connect()
    const { rows } = await client.query<{ name: string; replica_id: string }>(
      'SELECT name, replica_id FROM aimf_sync_files WHERE dataset_id = $1',
      [status.datasetId],
    )
    await client.end()
    expect(new Set(rows.map((r) => r.replica_id)).size).toBe(2)
    for (const row of rows) expect(row.name).toMatch(/^[0-9a-f]{16}\/\d{12}-\d{12}\.aimfsync$/)
  })

  it('says why a server cannot be used, and changes nothing', async () => {
    const office = await app()
    await funder(office, 'Fondation de Dakar')
    const before = await office.ok('sync.status', {})
    const wrong = await office.call('sync.connectServer', { ...server(), password: 'pas-le-bon' })
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) {
      expect(wrong.error.code).toBe('SYNC_UNREACHABLE')
      expect(wrong.error.message).toBe(
        `Le serveur refuse l’utilisateur ${server().user} avec ce mot de passe. Saisissez-le à nouveau dans Paramètres → Synchronisation.`,
      )
    }
    const noDatabase = await office.call('sync.connectServer', {
      ...server(),
      database: 'nulle_part',
    })
    expect(!noDatabase.ok && noDatabase.error.message).toContain('« nulle_part »')
    const down = await office.call('sync.connectServer', { ...server(), port: 1 })
    expect(!down.ok && down.error.message).toContain(
      `Le serveur ${server().host} (port 1) ne répond pas`,
    )
    const badPort = await office.call('sync.connectServer', { ...server(), port: 70000 })
    expect(!badPort.ok && badPort.error.fields?.[0]?.path).toBe('port')
    expect(await office.ok('sync.status', {})).toEqual(before)
    expect(office.host.keychain?.size).toBe(0)
  })

  it('asks again before the records go to another server, or the same one less safely', async () => {
    const office = await app()
    await funder(office, 'Fondation de Dakar')
    await office.ok('sync.connectServer', server())
    await office.ok('sync.connectServer', { ...server(), password: server().password })
    expect(office.host.askedServers).toHaveLength(1)
    const joined = await office.ok('sync.status', {})
    const checksum = await contentChecksum(office.core.requireSession().file)

    office.host.nextServerAnswer = false
    for (const changed of [
      { ssl: true },
      { user: 'espion' },
      { database: 'copie' },
      { host: 'sync.evil.example' },
      { port: 6543 },
    ]) {
      const refused = await office.call('sync.connectServer', { ...server(), ...changed })
      expect(refused.ok || refused.error.code, JSON.stringify(changed)).toBe('CANCELLED')
    }
    expect(office.host.askedServers).toHaveLength(6)
    expect(await office.ok('sync.status', {})).toEqual(joined)
    expect(await contentChecksum(office.core.requireSession().file)).toBe(checksum)
  })

  it('keeps the password for this session only where the system has no keychain', async () => {
    const office = await app()
    office.host.keychain = null
    expect(await office.ok('sync.connectServer', server())).toMatchObject({
      serverPassword: 'session',
    })
    await funder(office, 'Fondation de Dakar')
    expect((await office.ok('sync.now', {})).sent).toBeGreaterThan(0)
  })

  it('runs headless: aimf sync --postgres URL, the password in the URL or PGPASSWORD', async () => {
    const office = await app()
    await funder(office, 'Fondation de Dakar')
    const path = office.core.requireSession().file.path
    await office.core.closeFile()
    const lines: string[] = []
    const out = (line: string) => lines.push(line)
    const copy = join(office.folder, 'mission.sqlite')
    expect(await runCli(['mission-copy', path, copy], out, out)).toBe(0)
    expect(await runCli(['sync', path, '--postgres', url ?? '', '--lang', 'en'], out, out)).toBe(0)
    expect(lines.at(-1)).toMatch(/^Sent: \d+ changes\. Received: 0\./)
    const withoutPassword = new URL(url ?? '')
    withoutPassword.password = ''
    process.env.PGPASSWORD = server().password
    try {
      const args = ['sync', copy, '--postgres', withoutPassword.href, '--json']
      expect(await runCli(args, out, out)).toBe(0)
    } finally {
      delete process.env.PGPASSWORD
    }
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ received: expect.any(Number) })
    expect(await runCli(['sync-status', copy, '--lang', 'en'], out, out)).toBe(0)
    expect(lines.at(-1)).toBe(
      `Sync server: ${server().user}@${server().host}:${server().port}/${server().database}`,
    )
    expect(await runCli(['sync', copy, '--postgres', 'http://nope'], out, out)).toBe(2)
    const bytes = await readFile(copy)
    expect(bytes.includes(Buffer.from(server().password))).toBe(false)
  })
})

if (local) {
  console.warn(
    'PostgreSQL sync tests skipped: no PostgreSQL installed here (apt-get install postgresql).',
  )
}
