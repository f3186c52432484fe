import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RETENTION, backupsToKeep, eventBackupsToKeep } from '../../electron/main/backup/rotation'
import { startTestApp, type TestApp } from '../support/core'
import { damagePage, sha256 } from '../support/files'

let app: TestApp
afterEach(async () => app?.core.dispose())

const HOUR = 60 * 60 * 1000

describe('rotation', () => {
  it('over a simulated year of hourly backups keeps exactly the newest of the last 24 hours, 30 days and 12 months', () => {
    const start = Date.UTC(2025, 0, 1, 0, 30)
    const backups = Array.from({ length: 365 * 24 }, (_, i) => ({
      name: `b${i}`,
      takenAt: start + i * HOUR,
    }))
    const kept = backupsToKeep(backups)
    const newestIn = (bucket: (t: number) => string) => {
      const newest = new Map<string, { name: string; takenAt: number }>()
      for (const b of backups) {
        const key = bucket(b.takenAt)
        const current = newest.get(key)
        if (!current || b.takenAt > current.takenAt) newest.set(key, b)
      }
      return [...newest.entries()].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([, b]) => b.name)
    }
    const hours = newestIn((t) => new Date(t).toISOString().slice(0, 13)).slice(0, RETENTION.hourly)
    const days = newestIn((t) => new Date(t).toISOString().slice(0, 10)).slice(0, RETENTION.daily)
    const months = newestIn((t) => new Date(t).toISOString().slice(0, 7)).slice(
      0,
      RETENTION.monthly,
    )
    expect([...kept].sort()).toEqual([...new Set([...hours, ...days, ...months])].sort())
    expect(kept.size).toBeLessThanOrEqual(24 + 30 + 12)
    expect(kept.has(`b${365 * 24 - 1}`)).toBe(true)
  })

  it('keeps the backups taken before an operation 30 days, and the last ten always', () => {
    const now = Date.UTC(2026, 5, 1)
    const day = 24 * HOUR
    const events = Array.from({ length: 40 }, (_, i) => ({
      name: `e${i}`,
      takenAt: now - i * 3 * day,
    }))
    const kept = eventBackupsToKeep(events, now)
    expect([...kept].sort()).toEqual(Array.from({ length: 11 }, (_, i) => `e${i}`).sort())
    expect(eventBackupsToKeep(events.slice(20), now).size).toBe(10)
  })
})

describe('backups', () => {
  it('are verified copies made with the backup API; a restore keeps a copy, so it can be undone', async () => {
    app = await startTestApp()
    const session = () => app.core.requireSession()
    const fields = { kind: 'city' as const, defaultCurrency: 'EUR' as const }
    await app.ok('funders.create', { name: 'Ville de Paris', ...fields })
    const afterFirst = await app.ok('backups.create', {})
    const manual = afterFirst.find((b) => b.trigger === 'manual')
    expect(manual).toBeDefined()
    // A manual backup is not a routine one: the opening backup of the same hour stays beside it.
    expect(afterFirst.map((b) => b.trigger).sort()).toEqual(['manual', 'open'])
    await app.ok('funders.create', { name: 'Ville de Genève', ...fields })

    await app.ok('backups.restore', { name: manual?.name ?? '' })
    expect((await session().funders.list()).map((f) => f.name)).toEqual(['Ville de Paris'])
    const list = await app.ok('backups.list', {})
    const beforeRestore = list.find((b) => b.trigger === 'restore')
    expect(beforeRestore).toBeDefined()

    // Undo the restore: the state before it comes back whole.
    await app.ok('backups.restore', { name: beforeRestore?.name ?? '' })
    expect((await session().funders.list()).map((f) => f.name).sort()).toEqual([
      'Ville de Genève',
      'Ville de Paris',
    ])
    const files = await readdir(join(app.folder, 'backups'))
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('go to a folder chosen on this machine, with the earlier ones still listed and restorable', async () => {
    app = await startTestApp()
    const fields = { kind: 'city' as const, defaultCurrency: 'EUR' as const }
    await app.ok('funders.create', { name: 'Ville de Paris', ...fields })
    // A backup taken before an operation, beside the file: kept 30 days whatever follows.
    const beside = await app.core.requireSession().backups.create('import')
    expect(await app.ok('backups.folder', {})).toEqual({
      folder: join(app.folder, 'backups'),
      isDefault: true,
      freeBytes: expect.any(Number),
    })

    // A folder that cannot be written to is refused, naming it; nothing changes.
    const blocker = join(app.folder, 'un-fichier')
    await writeFile(blocker, 'not a folder')
    app.host.nextFolder = join(blocker, 'sauvegardes')
    const refused = await app.call('backups.chooseFolder', {})
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.code).toBe('FILE_UNWRITABLE')
      expect(refused.error.message).toContain(join(blocker, 'sauvegardes'))
    }
    expect((await app.ok('backups.folder', {})).isDefault).toBe(true)

    const usb = join(app.folder, 'cle-usb', 'AIMF')
    app.host.nextFolder = usb
    expect(await app.ok('backups.chooseFolder', {})).toMatchObject({
      folder: usb,
      isDefault: false,
    })
    // A verified backup was made there at once; the ones beside the file are still listed.
    expect(
      (await readdir(usb)).filter((f) => /\.manual\.[0-9a-f]{16}\.sqlite$/.test(f)),
    ).toHaveLength(1)
    const list = await app.ok('backups.list', {})
    expect(list.map((b) => b.folder)).toEqual(
      expect.arrayContaining([usb, join(app.folder, 'backups')]),
    )
    expect(list.find((b) => b.name === beside.name)?.folder).toBe(join(app.folder, 'backups'))

    await app.ok('funders.create', { name: 'Ville de Genève', ...fields })
    const inUsb = list.find((b) => b.folder === usb)
    await app.ok('backups.restore', { name: inUsb?.name ?? '' })
    expect((await app.core.requireSession().funders.list()).map((f) => f.name)).toEqual([
      'Ville de Paris',
    ])
    expect((await app.ok('backups.useDefaultFolder', {})).isDefault).toBe(true)
  })

  it('a backup taken while writes are under way is consistent', async () => {
    app = await startTestApp()
    const writes = Array.from({ length: 40 }, (_, i) =>
      app.ok('funds.addOtherIncome', {
        confirmed: true,
        receivedOn: '2025-01-01',
        label: `Intérêts ${i}`,
        currency: 'EUR',
        amount: '1',
      }),
    )
    const backup = app.ok('backups.create', {})
    await Promise.all(writes)
    const list = await backup
    expect(list.some((b) => b.trigger === 'manual')).toBe(true)
  })

  it('are finished before their file is closed: closing (or quitting) during a backup waits for it', async () => {
    app = await startTestApp()
    const path = app.core.requireSession().file.path
    const made = app.core.backUpNow()
    await app.core.closeFile()
    await made
    await app.ok('file.openRecent', { file: await app.recent(path) })
    const listed = await app.ok('backups.list', {})
    expect(listed.filter((b) => b.trigger === 'manual')).toHaveLength(1)
    const files = await readdir(join(app.folder, 'backups'))
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('only listed backups can be restored: no path can be slipped in', async () => {
    app = await startTestApp()
    for (const name of ['../data.sqlite', '/etc/passwd', 'x.sqlite']) {
      const result = await app.call('backups.restore', { name })
      expect(result.ok || result.error.code).toMatch(/VALIDATION|NOT_FOUND/)
    }
    expect(app.core.fileInfo()).not.toBeNull()
  })
})

describe('an automatic backup that fails', () => {
  it('is said in the window, naming the folder and the cause, until a backup succeeds', async () => {
    app = await startTestApp({ openFile: false })
    const path = join(app.folder, 'compta.sqlite')
    await app.core.createFile(path)
    expect(app.core.fileInfo()?.backupFailure).toBeNull()
    await app.core.closeFile()
    // The folder chosen for this file's backups is no longer usable (a file took its place).
    const blocker = join(app.folder, 'sauvegardes')
    await writeFile(blocker, 'pas un dossier')
    await app.core.prefs.update({ backupFolders: { [path]: join(blocker, 'AIMF') } })
    const opened = await app.ok('file.openRecent', { file: await app.recent(path) })
    expect(opened.backupFailure).toMatch(/Impossible d’écrire dans .*sauvegardes\/AIMF/)
    // Back to the folder beside the file: a backup is made, the alert goes.
    await app.ok('backups.useDefaultFolder', {})
    expect(app.core.fileInfo()?.backupFailure).toBeNull()
  })

  it('hourly: the window is told when it fails and when it comes back; a failed one is tried again', async () => {
    app = await startTestApp({ openFile: false })
    const path = join(app.folder, 'compta.sqlite')
    await app.core.createFile(path)
    const fields = { kind: 'city' as const, defaultCurrency: 'EUR' as const }
    await app.ok('funders.create', { name: 'Ville de Paris', ...fields })
    const blocker = join(app.folder, 'sauvegardes')
    await writeFile(blocker, 'pas un dossier')
    await app.core.prefs.update({ backupFolders: { [path]: join(blocker, 'AIMF') } })
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 2 * HOUR)
      expect(await app.core.backUpIfDue()).toBe(true)
      expect(app.core.fileInfo()?.backupFailure).toMatch(/sauvegardes\/AIMF/)
      // Still failing: nothing new to tell the window.
      expect(await app.core.backUpIfDue()).toBe(false)
      // The folder is usable again: the same changes, not yet in any backup, are backed up now.
      await app.core.prefs.update({ backupFolders: {} })
      expect(await app.core.backUpIfDue()).toBe(true)
      expect(app.core.fileInfo()?.backupFailure).toBeNull()
      const triggers = (await app.ok('backups.list', {})).map((b) => b.trigger)
      expect(triggers).toContain('hourly')
      expect(await app.core.backUpIfDue()).toBe(false)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('a damaged file', () => {
  it('is refused untouched, then recovered from its newest sound backup; the damaged file is kept', async () => {
    app = await startTestApp()
    await app.ok('funders.create', {
      name: 'Ville de Lausanne',
      kind: 'city',
      defaultCurrency: 'CHF',
    })
    await app.ok('backups.create', {})
    const path = app.core.requireSession().file.path
    await app.core.requireSession().file.write('Agent', async (writer) => {
      for (let i = 0; i < 300; i++) {
        await writer.insert('funders', {
          name: `Bailleur ${i} ${'x'.repeat(200)}`,
          kind: 'other',
          default_currency: 'EUR',
        })
      }
    })
    await app.core.closeFile()
    await damagePage(path, 3)

    const refused = await app.call('file.openRecent', { file: await app.recent(path) })
    expect(refused.ok || [refused.error.code, refused.error.path]).toEqual(['FILE_DAMAGED', path])
    // The refusal carries the token the start screen's « Récupérer » button sends back.
    const recovered = await app.ok('file.recoverFromBackup', {
      file: (!refused.ok && refused.error.file) || '',
    })
    expect(recovered.path).toBe(path)
    expect((await app.core.requireSession().funders.list()).map((f) => f.name)).toEqual([
      'Ville de Lausanne',
    ])
    const kept = (await readdir(join(app.folder, 'backups'))).filter((f) =>
      /\.damaged\.[0-9a-f]{16}\.sqlite$/.test(f),
    )
    expect(kept).toHaveLength(1)
    const forbidden = await app.call('file.recoverFromBackup', { file: 'x'.repeat(32) })
    expect(forbidden.ok || forbidden.error.code).toBe('FORBIDDEN')
  })

  it('can be looked at read-only, from a private copy: nothing is written, the file stays byte-identical', async () => {
    app = await startTestApp()
    await app.ok('funders.create', {
      name: 'Ville de Lausanne',
      kind: 'city',
      defaultCurrency: 'CHF',
    })
    const path = app.core.requireSession().file.path
    await app.core.requireSession().file.write('Agent', async (writer) => {
      for (let i = 0; i < 300; i++) {
        await writer.insert('other_income', {
          received_on: '2025-01-01',
          label: `Recette ${i} ${'x'.repeat(200)}`,
          amount_minor: 100,
          currency: 'EUR',
          eur_minor: 100,
          rate: '1',
        })
      }
    })
    await app.core.closeFile()
    // Damage a page far from the first ones, where the funders are.
    await damagePage(path, -2)
    const before = await sha256(path)
    const listing = (await readdir(app.folder)).sort()

    const refused = await app.call('file.openRecent', { file: await app.recent(path) })
    expect(refused.ok || refused.error.code).toBe('FILE_DAMAGED')
    const viewed = await app.ok('file.viewDamaged', {
      file: (!refused.ok && refused.error.file) || '',
    })
    expect(viewed).toMatchObject({ path, readOnly: true })
    expect((await app.ok('funders.list', {})).map((f) => f.name)).toEqual(['Ville de Lausanne'])
    const write = await app.call('funders.create', {
      name: 'Genève',
      kind: 'city',
      defaultCurrency: 'CHF',
    })
    expect(write.ok).toBe(false)
    if (!write.ok) {
      expect(write.error.code).toBe('FILE_READ_ONLY')
      expect(write.error.message).toContain('lecture seule')
    }
    await app.core.closeFile()
    expect(await sha256(path)).toBe(before)
    // Nothing was created beside it either (no journal, no shared-memory file).
    expect((await readdir(app.folder)).sort()).toEqual(listing)
  })
})
