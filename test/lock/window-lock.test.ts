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
    const removed = await app.ok('app.setLock', {
      password: null,
      minutes: 5,
      currentPassword: 'Tombouctou-2026',
    })
    expect(removed.lock.enabled).toBe(false)
  })

  it('asks for the password in force before the page may change, remove or re-time the lock', async () => {
    app = await startTestApp()
    const prefsPath = join(app.folder, 'app', 'preferences.json')
    await app.ok('app.setLock', { password: 'Tombouctou-2026', minutes: 5 })
    const before = await readFile(prefsPath)

    // What a compromised page would try: no current password, an empty one, a wrong one, the
    // new password given as the current one, each for a change, a removal and a new delay.
    const attempts: (string | undefined)[] = [
      undefined,
      '',
      'tombouctou-2026',
      'Tombouctou-2026 ',
      'Agadez-2027!',
    ]
    for (const currentPassword of attempts) {
      for (const password of ['Agadez-2027!', null]) {
        for (const minutes of [5, 240]) {
          const input = currentPassword === undefined ? {} : { currentPassword }
          const refused = await app.call('app.setLock', { password, minutes, ...input })
          expect(refused.ok).toBe(false)
          if (refused.ok) continue
          expect(refused.error.fields).toHaveLength(1)
          expect(refused.error.fields?.[0]?.path).toBe('currentPassword')
          expect(refused.error.fields?.[0]?.message).toBe(
            currentPassword
              ? 'Mot de passe actuel incorrect : le verrouillage n’a pas été modifié.'
              : 'Saisissez le mot de passe actuel pour modifier le verrouillage.',
          )
        }
      }
    }
    expect(await readFile(prefsPath)).toEqual(before)
    expect((await app.ok('app.getState', {})).lock).toEqual({
      enabled: true,
      minutes: 5,
      locked: false,
    })
    // The lock in force still opens only to its own password.
    await app.ok('app.lock', {})
    expect((await app.call('app.unlock', { password: 'Agadez-2027!' })).ok).toBe(false)
    await app.ok('app.unlock', { password: 'Tombouctou-2026' })

    // The right one: change the password and the delay, then remove with the new password.
    const changed = await app.ok('app.setLock', {
      password: 'Agadez-2027!',
      minutes: 30,
      currentPassword: 'Tombouctou-2026',
    })
    expect(changed.lock).toEqual({ enabled: true, minutes: 30, locked: false })
    await app.ok('app.lock', {})
    expect((await app.call('app.unlock', { password: 'Tombouctou-2026' })).ok).toBe(false)
    await app.ok('app.unlock', { password: 'Agadez-2027!' })
    const stale = await app.call('app.setLock', {
      password: null,
      minutes: 30,
      currentPassword: 'Tombouctou-2026',
    })
    expect(stale.ok).toBe(false)
    const removed = await app.ok('app.setLock', {
      password: null,
      minutes: 30,
      currentPassword: 'Agadez-2027!',
    })
    expect(removed.lock.enabled).toBe(false)
    // With no lock, setting one asks for nothing more.
    await app.ok('app.setLock', { password: 'Tombouctou-2026', minutes: 10 })
  })
})
