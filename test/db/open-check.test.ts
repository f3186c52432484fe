import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DataFile } from '../../electron/main/db/data-file'
import { type IntegrityCheck, sqliteIntegrityCheck } from '../../electron/main/db/open-check'
import { AppFailure } from '../../electron/main/failure'
import { toAppError } from '../../electron/main/failure'
import { startTestApp, type TestApp } from '../support/core'
import { damagePage, growFile, sha256 } from '../support/files'
import { tempFolder } from '../support/temp'

/**
 * SQLite's own full check, held until the test lets it go: the state "opened, still being
 * checked" lasts as long as the test needs, and the check that then runs is the real one.
 */
function heldCheck(): { check: IntegrityCheck; release(): void; started: Promise<void> } {
  let release = () => {}
  let started = () => {}
  const gate = new Promise<void>((done) => (release = done))
  const begun = new Promise<void>((done) => (started = done))
  return {
    release: () => release(),
    started: begun,
    check: async (native) => {
      started()
      await gate
      return sqliteIntegrityCheck(native)
    },
  }
}

const funder = { kind: 'city' as const, defaultCurrency: 'EUR' as const }

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppFailure) return error
    throw error
  }
  throw new Error('no failure')
}

/** A file of a few hundred records, closed: page 3 onwards are not read by opening it. */
async function grownFile(): Promise<string> {
  const path = join(await tempFolder(), 'compta.sqlite')
  const file = await DataFile.create(path)
  await growFile(file)
  await file.close()
  return path
}

let app: TestApp | undefined
afterEach(async () => app?.core.dispose())

describe('a file opened quickly, checked in full in the background', () => {
  it('is read at once; a write meanwhile is refused calmly and changes nothing; after the check it is accepted', async () => {
    const path = await grownFile()
    const held = heldCheck()
    const file = await DataFile.open(path, {
      quickly: true,
      integrityCheck: held.check,
      quicklyAbove: 0,
    })
    try {
      await held.started
      expect(file.checkState).toBe('checking')
      // Reads do not wait: the first screen is drawn from them.
      const funders = await file.db.selectFrom('funders').select('name').execute()
      expect(funders).toHaveLength(300)

      const before = await sha256(path)
      const refused = await failureOf(
        file.write('Agent', (writer) =>
          writer.insert('funders', {
            name: 'Ville de Dakar',
            kind: 'city',
            default_currency: 'EUR',
          }),
        ),
      )
      expect(refused.code).toBe('FILE_CHECKING')
      const said = toAppError(refused, 'fr').message
      expect(said).toContain(path)
      expect(said).toContain('dans un instant')
      expect(await sha256(path)).toBe(before)

      held.release()
      expect(await file.checked()).toBeNull()
      expect(file.checkState).toBe('passed')
      await file.write('Agent', (writer) =>
        writer.insert('funders', { name: 'Ville de Dakar', kind: 'city', default_currency: 'EUR' }),
      )
      const names = await file.db.selectFrom('funders').select('name').execute()
      expect(names.map((f) => f.name)).toContain('Ville de Dakar')
    } finally {
      await file.close()
    }
  })

  it('holds a write a moment rather than refusing it, when the check ends meanwhile', async () => {
    const path = await grownFile()
    const held = heldCheck()
    const file = await DataFile.open(path, {
      quickly: true,
      integrityCheck: held.check,
      quicklyAbove: 0,
    })
    try {
      await held.started
      const writing = file.write('Agent', (writer) =>
        writer.insert('funders', { name: 'Ville de Lomé', kind: 'city', default_currency: 'EUR' }),
      )
      setTimeout(() => held.release(), 100)
      await writing
      expect(file.checkState).toBe('passed')
    } finally {
      await file.close()
    }
  })

  it('finds a damage the fast check did not read, and refuses every write on that file', async () => {
    const path = await grownFile()
    await damagePage(path, -2)
    const before = await sha256(path)
    const file = await DataFile.open(path, { quickly: true, quicklyAbove: 0 })
    try {
      const damage = await file.checked()
      expect(damage?.code).toBe('FILE_DAMAGED')
      expect(file.checkState).toBe('damaged')
      const refused = await failureOf(
        file.write('Agent', (writer) =>
          writer.insert('funders', { name: 'Ville', kind: 'city', default_currency: 'EUR' }),
        ),
      )
      expect(refused.code).toBe('FILE_DAMAGED')
    } finally {
      await file.close()
    }
    expect(await sha256(path)).toBe(before)
  })

  it('is checked in full before opening when it must be migrated, or when not asked to be quick', async () => {
    const path = await grownFile()
    await damagePage(path, -2)
    const before = await sha256(path)
    expect((await failureOf(DataFile.open(path))).code).toBe('FILE_DAMAGED')
    expect(await sha256(path)).toBe(before)
  })
})

describe('the application, when the background check finds the file damaged', () => {
  it('closes it and offers its recovery on the start screen, as when opening finds it damaged', async () => {
    app = await startTestApp({ quicklyAbove: 0 })
    const path = app.core.requireSession().file.path
    await growFile(app.core.requireSession().file)
    await app.ok('backups.create', {})
    await app.core.closeFile()
    await damagePage(path, -2)
    const before = await sha256(path)

    const recent = await app.recent(path)
    const opened = await app.ok('file.openRecent', { file: recent })
    expect(opened.path).toBe(path)
    // The check ends a moment later (this file is small): the state says so, as the window
    // reads it again while the check runs.
    let state = await app.ok('app.getState', {})
    for (let tries = 0; tries < 200 && !state.damagedAtOpen; tries += 1) {
      await new Promise((done) => setTimeout(done, 50))
      state = await app.ok('app.getState', {})
    }
    expect(state.file).toBeNull()
    const damage = state.damagedAtOpen
    if (!damage?.file) throw new Error('the damage found was not said')
    expect(damage.code).toBe('FILE_DAMAGED')
    expect(damage.path).toBe(path)
    expect(damage.message).toContain(path)
    expect(await sha256(path)).toBe(before)

    // Its token recovers it from its backup, as the one of a file refused at opening does.
    expect((await app.ok('file.recoverFromBackup', { file: damage.file })).path).toBe(path)
    expect((await app.ok('app.getState', {})).damagedAtOpen).toBeNull()
    expect(await app.core.requireSession().file.checked()).toBeNull()
    expect(await app.core.requireSession().funders.list()).toHaveLength(300)
  })

  it('says on the state that the file is being checked, then that it is not', async () => {
    const held = heldCheck()
    app = await startTestApp({ integrityCheck: held.check, quicklyAbove: 0 })
    const path = app.core.requireSession().file.path
    await app.core.closeFile()
    await app.ok('file.openRecent', { file: await app.recent(path) })
    await held.started
    expect((await app.ok('app.getState', {})).file?.checking).toBe(true)
    const refused = await app.call('funders.create', { name: 'Ville de Tunis', ...funder })
    expect(refused.ok || refused.error.code).toBe('FILE_CHECKING')
    held.release()
    await app.core.requireSession().file.checked()
    expect((await app.ok('app.getState', {})).file?.checking).toBe(false)
    await app.ok('funders.create', { name: 'Ville de Tunis', ...funder })
  })
})
