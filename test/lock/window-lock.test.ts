import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/core'

let app: TestApp
afterEach(async () => app?.core.dispose())

describe('the lock after inactivity', () => {
  it('keeps only a salted hash, answers only the lock screen while locked, and opens to the right password', async () => {
    app = await startTestApp()
    // Without a password, locking does nothing.
    expect((await app.ok('app.lock', {})).lock.locked).toBe(false)
    const short = await app.call('app.setLock', { password: 'court', minutes: 5 })
    expect(short.ok).toBe(false)
    if (!short.ok) expect(short.error.fields?.[0]?.path).toBe('password')

    const state = await app.ok('app.setLock', { password: 'Tombouctou-2026', minutes: 5 })
    expect(state.lock).toEqual({ enabled: true, minutes: 5, locked: false })
    const prefs = await readFile(join(app.folder, 'app', 'preferences.json'), 'utf8')
    expect(prefs).not.toContain('Tombouctou')
    expect(prefs).toMatch(/"hash": "scrypt:[0-9a-f]{32}:[0-9a-f]{64}"/)

    expect((await app.ok('app.lock', {})).lock.locked).toBe(true)
    const refused = await app.call('funders.list', {})
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.code).toBe('LOCKED')
    expect((await app.call('app.getState', {})).ok).toBe(true)

    const wrong = await app.call('app.unlock', { password: 'tombouctou-2026' })
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) expect(wrong.error.fields?.[0]?.message).toBe('Mot de passe incorrect.')
    expect(app.core.isLocked()).toBe(true)

    expect((await app.ok('app.unlock', { password: 'Tombouctou-2026' })).lock.locked).toBe(false)
    expect((await app.call('funders.list', {})).ok).toBe(true)
    expect((await app.ok('app.setLock', { password: null, minutes: 5 })).lock.enabled).toBe(false)
  })
})
