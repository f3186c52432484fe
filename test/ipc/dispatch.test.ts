import { afterEach, describe, expect, it } from 'vitest'
import { CHANNEL_NAMES } from '@shared/contract/channels'
import { startTestApp, type TestApp } from '../support/core'

let app: TestApp
afterEach(async () => app?.core.dispose())

async function databaseFingerprint(app: TestApp) {
  const db = app.core.requireSession().file.db
  const funders = await db.selectFrom('funders').selectAll().orderBy('id').execute()
  const log = await db
    .selectFrom('change_log')
    .select(db.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return JSON.stringify({ funders, log })
}

describe('the dispatcher', () => {
  it('refuses an unknown channel with a typed error', async () => {
    app = await startTestApp()
    for (const channel of ['nope', 'constructor', '__proto__', 42, null]) {
      const result = await app.dispatch(channel, {})
      expect(result).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: 'Opération inconnue.' },
      })
    }
  })

  it('refuses bad payloads on every channel with a typed error and changes nothing', async () => {
    app = await startTestApp()
    await app.ok('funders.create', {
      name: 'Ville de Paris',
      kind: 'city',
      defaultCurrency: 'EUR',
    })
    const before = await databaseFingerprint(app)
    const bad: unknown[] = [
      null,
      42,
      'text',
      [],
      { unexpected: true },
      JSON.parse('{"__proto__": {"polluted": true}}'),
      { id: 'not-a-uuid' },
      { name: 'x'.repeat(10_000_000), kind: 'city', defaultCurrency: 'EUR' },
      { name: 'A', kind: 'city', defaultCurrency: 'EUR', constructor: { prototype: {} } },
      { includeArchived: 'yes' },
      { language: 'de' },
      { path: 12 },
      { table: 'change_log', id: '018f0000-0000-7000-8000-000000000000' },
    ]
    for (const channel of CHANNEL_NAMES) {
      for (const payload of bad) {
        const result = await app.dispatch(channel, payload)
        if (result.ok) continue // e.g. {} is a valid input for some channels; nothing here may write.
        expect(['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'CANCELLED']).toContain(result.error.code)
        expect(JSON.stringify(result)).not.toMatch(/at .+\.ts:\d+/)
      }
    }
    expect(await databaseFingerprint(app)).toBe(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reports an unexpected failure without its stack', async () => {
    app = await startTestApp()
    await app.core.requireSession().file.close() // pull the file from under the services
    const result = await app.call('funders.list', {})
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Une erreur inattendue est survenue. Rien n’a été enregistré.',
      },
    })
  })

  it('says when no file is open', async () => {
    app = await startTestApp({ openFile: false })
    const result = await app.call('funders.list', {})
    expect(result.ok || result.error.code).toBe('NO_FILE')
  })

  it('opens only files the user chose before, never a path named by the interface', async () => {
    app = await startTestApp({ openFile: false })
    const named = await app.call('file.openRecent', { path: '/etc/passwd' } as never)
    expect(named.ok || named.error.code).toBe('VALIDATION')
    const asToken = await app.call('file.openRecent', { file: '/etc/passwd' })
    expect(asToken.ok || asToken.error.code).toBe('VALIDATION')
    const forged = await app.call('file.openRecent', { file: 'A'.repeat(32) })
    expect(forged.ok || forged.error.code).toBe('FORBIDDEN')
  })
})
