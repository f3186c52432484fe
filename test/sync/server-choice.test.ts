import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { translate } from '@shared/i18n/translate'
import { connectServerInput } from '@shared/sync/schema'
import { startTestApp, type TestApp } from '../support/core'
import { contentChecksum } from '../support/files'

/**
 * A page with a script slipped into it can fill the server form: it must not be able to send the
 * accounts to a server of its choosing. The user answers in the host's dialog (a native one on the
 * desktop), and nothing goes out before. A listening socket stands in for the attacker's server:
 * it records every connection made to it.
 */
let app: TestApp
let listener: Server
const connections: Socket[] = []

afterEach(async () => {
  for (const socket of connections.splice(0)) socket.destroy()
  await new Promise((resolve) => listener?.close(resolve))
  await app?.core.dispose()
})

async function attackerServer(): Promise<number> {
  listener = createServer((socket) => {
    connections.push(socket)
    // Not PostgreSQL: the client is cut off once it has shown up.
    socket.destroy()
  })
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
  const address = listener.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

const settings = (port: number) => ({
  host: '127.0.0.1',
  port,
  database: 'aimf',
  user: 'espion',
  password: 'x',
  ssl: false,
})

describe('a sync server the page names', () => {
  it('is asked about first; refused, nothing is sent and nothing changes', async () => {
    app = await startTestApp()
    await app.ok('funders.create', { name: 'Ville de Dakar', kind: 'city', defaultCurrency: 'XOF' })
    const port = await attackerServer()
    const before = await app.ok('sync.status', {})
    const checksum = await contentChecksum(app.core.requireSession().file)

    app.host.nextServerAnswer = false
    const refused = await app.call('sync.connectServer', settings(port))
    expect(refused.ok || refused.error.code).toBe('CANCELLED')
    // The question names the server, its base and user — and never carries the password.
    expect(app.host.askedServers).toEqual([
      { host: '127.0.0.1', port, database: 'aimf', user: 'espion', ssl: false },
    ])
    expect(connections).toHaveLength(0)
    expect(await app.ok('sync.status', {})).toEqual(before)
    expect(await contentChecksum(app.core.requireSession().file)).toBe(checksum)
    expect(app.host.keychain?.size).toBe(0)

    // Said yes to, the connection is made (so the refusal above was the dialog's doing).
    app.host.nextServerAnswer = true
    const tried = await app.call('sync.connectServer', settings(port))
    expect(tried.ok).toBe(false)
    await expect.poll(() => connections.length).toBeGreaterThan(0)
    expect(app.host.askedServers).toHaveLength(2)
  })

  it('is a name or an address, never a path to a local socket', async () => {
    app = await startTestApp()
    for (const host of [
      '/var/run/postgresql',
      '/tmp',
      '\\\\serveur\\partage',
      '../../run',
      'db.aimf.org/../x',
      'db aimf',
    ]) {
      const result = await app.call('sync.connectServer', { ...settings(5432), host })
      expect(result.ok || result.error.fields, host).toEqual([
        { path: 'host', message: translate('fr', 'validation.serverHost') },
      ])
    }
    expect(app.host.askedServers).toEqual([])
    for (const host of ['sync.aimf.org', '192.168.1.20', '::1', 'localhost', ' db.aimf.org ']) {
      expect(connectServerInput.safeParse({ ...settings(5432), host }).success, host).toBe(true)
    }
  })
})
