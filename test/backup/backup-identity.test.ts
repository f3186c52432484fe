import { copyFile, readdir, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import { BackupService } from '../../electron/main/backup/backup-service'
import { DataFile } from '../../electron/main/db/data-file'
import { FILE_INFO } from '../../electron/main/db/file-identity'
import { OPEN_READWRITE, closeNative, exec, openNative } from '../../electron/main/db/sqlite-native'
import { missionCopy } from '../../electron/main/sync/sync-service'
import { aimf } from '../support/cli'
import { startTestApp, type TestApp } from '../support/core'
import { damagePage, sha256, growFile } from '../support/files'
import { tempFolder } from '../support/temp'

let app: TestApp | undefined
afterEach(async () => app?.core.dispose())

const HOUR = 60 * 60 * 1000

/** Another income, as the window records it. */
const income = (label: string) => ({
  receivedOn: '2026-01-05',
  label,
  currency: 'EUR' as const,
  amount: '10',
  confirmed: true,
})

/** A new file holding one other income per label. */
async function fileWith(path: string, ...labels: string[]): Promise<DataFile> {
  const file = await DataFile.create(path)
  await addIncome(file, ...labels)
  return file
}

async function addIncome(file: DataFile, ...labels: string[]): Promise<void> {
  const session = createSession(file)
  for (const label of labels) {
    await session.otherIncome.add(
      { receivedOn: '2026-01-05', label, currency: 'EUR', amount: '10', note: null },
      'Agent',
    )
  }
}

async function labelsIn(path: string): Promise<string[]> {
  const file = await DataFile.open(path)
  try {
    return (await createSession(file).otherIncome.list()).map((i) => i.label).sort()
  } finally {
    await file.close()
  }
}

/** Backups made one hour apart from `start`, as an hourly schedule over `hours` hours would. */
async function hourlyBackups(file: DataFile, start: number, hours: number): Promise<void> {
  let now = start
  const backups = new BackupService(file, () => new Date(now))
  for (let hour = 0; hour < hours; hour += 1) {
    now = start + hour * HOUR
    await backups.create('hourly')
  }
}

/** The token the window is given for a file of the recent list that fails to open as damaged. */
async function damagedToken(app: TestApp, path: string): Promise<string> {
  const refused = await app.call('file.openRecent', { file: await app.recent(path) })
  if (refused.ok || !refused.error.file) throw new Error(`${path} opened, or no token for it`)
  return refused.error.file
}

describe('a backup belongs to its file by identity, not by name', () => {
  it('two files whose names share a beginning never list, rotate or restore each other’s backups', async () => {
    const folder = await tempFolder()
    const compta = join(folder, 'compta.sqlite')
    const annee = join(folder, 'compta.2025.sqlite')
    const office = await fileWith(compta, 'Intérêts de compta')
    const own = new BackupService(office)
    const manual = [await own.create('manual'), await own.create('manual')]
    await office.close()
    // The year's file is a copy of the office file made by hand: it becomes a file of its own.
    await copyFile(compta, annee)
    const year = await DataFile.open(annee)
    await addIncome(year, 'Intérêts de 2025')
    // Thirty hours of hourly backups: rotation of this file thins its own, nothing else.
    await hourlyBackups(year, Date.now() - 40 * HOUR, 30)
    const yearList = await new BackupService(year).list()
    await year.close()

    expect(yearList.length).toBeGreaterThan(0)
    expect(yearList.every((b) => b.name.startsWith('compta.2025.'))).toBe(true)
    expect(yearList.filter((b) => b.trigger === 'hourly').length).toBeLessThanOrEqual(24 + 2)
    const officeFile = await DataFile.open(compta)
    const officeList = await new BackupService(officeFile).list()
    await officeFile.close()
    expect(officeList.map((b) => b.name).sort()).toEqual(manual.map((b) => b.name).sort())

    // The command line sees the same: each file its own backups.
    const listed = await aimf('backups', compta)
    expect(listed.out.split('\n').filter((line) => line.includes('.sqlite'))).toHaveLength(2)
    expect(listed.out).not.toContain('compta.2025.')

    // Another file's backup: not found by name, refused by path without --force, the file unchanged.
    const theirs = yearList[0]?.name ?? ''
    const before = await sha256(compta)
    expect(await aimf('restore', compta, theirs)).toMatchObject({ code: 2 })
    const refused = await aimf('restore', compta, join(folder, 'backups', theirs))
    expect(refused.code).toBe(2)
    expect(refused.err).toContain('n’est pas une sauvegarde de')
    expect(refused.err).toContain('--force')
    expect(await sha256(compta)).toBe(before)
    // Forced, it is restored; the office file keeps its identity, so its backups stay its own
    // (with the one taken just before, to undo it).
    expect(await aimf('restore', compta, join(folder, 'backups', theirs), '--force')).toMatchObject(
      { code: 0 },
    )
    expect(await labelsIn(compta)).toEqual(['Intérêts de 2025', 'Intérêts de compta'])
    const after = await aimf('backups', compta)
    expect(after.out).toContain('Avant restauration')
    for (const b of manual) expect(after.out).toContain(b.name)
    expect(after.out).not.toContain('compta.2025.')
  }, 120_000)

  it('the start screen’s recovery of a damaged file takes its own newest backup, never the other file’s', async () => {
    app = await startTestApp({ openFile: false })
    const compta = join(app.folder, 'compta.sqlite')
    const annee = join(app.folder, 'compta.2025.sqlite')
    await app.core.createFile(compta)
    await app.ok('funds.addOtherIncome', income('Compta'))
    await app.ok('backups.create', {})
    await app.core.closeFile()
    await copyFile(compta, annee)
    await app.core.openFile(annee)
    await app.ok('funds.addOtherIncome', income('Année'))
    // The other file's backups are the newest in the folder.
    await app.ok('backups.create', {})
    await app.ok('backups.create', {})
    await app.core.closeFile()
    const folder = join(app.folder, 'backups')
    const otherBackups = (await readdir(folder)).filter((n) => n.startsWith('compta.2025.'))

    await app.core.openFile(compta)
    const session = app.core.requireSession()
    await growFile(session.file)
    await app.core.closeFile()
    await damagePage(compta, 3)

    const recovered = await app.ok('file.recoverFromBackup', {
      file: await damagedToken(app, compta),
    })
    expect(recovered.path).toBe(compta)
    expect((await app.ok('funds.otherIncome', {})).map((i) => i.label)).toEqual(['Compta'])
    // Nothing of the other file's was rotated away; the damaged file is kept beside the backups.
    const now = await readdir(folder)
    for (const name of otherBackups) expect(now).toContain(name)
    expect(now.filter((n) => n.startsWith('compta.') && n.includes('.damaged.'))).toHaveLength(1)
  }, 60_000)

  it('a mission copy beside the file is a file of its own: neither lists the other’s backups', async () => {
    const folder = await tempFolder()
    const office = await fileWith(join(folder, 'office.sqlite'), 'Bureau')
    const session = createSession(office)
    await session.backups.create('manual')
    await missionCopy(office, session.sync, join(folder, 'office-mission.sqlite'))
    const mission = await DataFile.open(join(folder, 'office-mission.sqlite'))
    expect(await new BackupService(mission).list()).toEqual([])
    await new BackupService(mission).create('manual')
    expect((await session.backups.list()).map((b) => b.trigger)).toEqual(['manual'])
    expect(
      (await new BackupService(mission).list()).every((b) => b.name.startsWith('office-mission.')),
    ).toBe(true)
    await mission.close()
    await office.close()
  }, 60_000)

  it('backups made before identities are still listed, known by what they contain', async () => {
    const folder = await tempFolder()
    const backupsFolder = join(folder, 'backups')
    const paths = { old: join(folder, 'ancien.sqlite'), copy: join(folder, 'ancien.bis.sqlite') }
    for (const [key, path] of Object.entries(paths)) {
      await (await fileWith(path, key)).close()
      // As the previous version left it: no file identity yet.
      const native = await openNative(path, OPEN_READWRITE)
      await exec(
        native,
        `DELETE FROM file_info WHERE key IN ('${FILE_INFO.fileId}', '${FILE_INFO.fileHome}', '${FILE_INFO.filePath}');`,
      )
      await closeNative(native)
    }
    // Backups named the previous way (no identity in the name), the second file's sharing a prefix.
    const { mkdir } = await import('node:fs/promises')
    await mkdir(backupsFolder)
    const legacy = 'ancien.20260101-100000-000.manual.sqlite'
    const legacyOther = 'ancien.bis.20260102-100000-000.manual.sqlite'
    await copyFile(paths.old, join(backupsFolder, legacy))
    await copyFile(paths.copy, join(backupsFolder, legacyOther))

    const listed = await aimf('backups', paths.old)
    expect(listed.out).toContain(legacy)
    expect(listed.out).not.toContain(legacyOther)
    // Once opened by this version, the file has an identity and still knows its old backups.
    const opened = await DataFile.open(paths.old)
    const backups = new BackupService(opened)
    await backups.create('manual')
    const names = (await backups.list()).map((b) => b.name)
    await opened.close()
    expect(names).toContain(legacy)
    expect(names).not.toContain(legacyOther)
    expect(names).toHaveLength(2)
    // Looking into the old backups left nothing beside them.
    expect((await readdir(backupsFolder)).filter((n) => /-(wal|shm|journal)$/.test(n))).toEqual([])
  }, 60_000)
})

describe('manual backups are kept until the user deletes them', () => {
  it('five manual backups within a minute are all kept, beside the routine ones', async () => {
    app = await startTestApp()
    for (let i = 0; i < 5; i++) await app.ok('backups.create', {})
    const list = await app.ok('backups.list', {})
    const manual = list.filter((b) => b.trigger === 'manual')
    expect(manual).toHaveLength(5)
    expect(new Set(manual.map((b) => b.name)).size).toBe(5)
    expect(manual.every((b) => b.retention === 'untilDeleted' && b.size > 0)).toBe(true)
    expect(list.filter((b) => b.trigger === 'open')).toHaveLength(1)

    // A day of hourly backups later, they are all still there.
    const session = app.core.requireSession()
    await hourlyBackups(session.file, Date.now() + HOUR, 26)
    expect((await app.ok('backups.list', {})).filter((b) => b.trigger === 'manual')).toHaveLength(5)

    // Deleted one by one, at the user's request only, and only this file's.
    const deleted = manual[2]?.name ?? ''
    const after = await app.ok('backups.delete', { name: deleted })
    expect(after.map((b) => b.name)).not.toContain(deleted)
    expect(after.filter((b) => b.trigger === 'manual')).toHaveLength(4)
    const again = await app.call('backups.delete', { name: deleted })
    expect(again.ok || again.error.code).toBe('NOT_FOUND')
    for (const name of ['../data.sqlite', '/etc/passwd']) {
      const refused = await app.call('backups.delete', { name })
      expect(refused.ok || refused.error.code).toMatch(/VALIDATION|NOT_FOUND/)
    }
  }, 120_000)
})

describe('aimf backups --delete', () => {
  it('deletes one of the file’s own backups by name, even of a damaged file; nothing else', async () => {
    const folder = await tempFolder()
    const compta = join(folder, 'compta.sqlite')
    const other = join(folder, 'compta.2025.sqlite')
    for (const path of [compta, other]) {
      const file = await fileWith(path, 'Intérêts')
      await growFile(file)
      await file.close()
    }
    for (let i = 0; i < 3; i++) expect((await aimf('backup', compta)).code).toBe(0)
    expect((await aimf('backup', other)).code).toBe(0)
    const manualIn = async (path: string) =>
      ((await aimf('backups', path)).out.match(/\S+\.manual\.[0-9a-f]{16}\.sqlite/g) ?? []).sort()
    const ours = await manualIn(compta)
    const [theirs = ''] = await manualIn(other)
    expect(ours).toHaveLength(3)
    expect((await aimf('backups', compta)).out).toContain('Jusqu’à suppression')
    const backups = join(folder, 'backups')
    const before = (await readdir(backups)).sort()

    // Not one of this file's: refused, naming it, nothing deleted.
    for (const name of [theirs, '../compta.sqlite', join(backups, ours[0] ?? ''), 'x.sqlite']) {
      const refused = await aimf('backups', compta, '--delete', name)
      expect(refused.code, name).toBe(2)
      expect(refused.err, name).toContain(`Aucune sauvegarde nommée ${name}`)
    }
    expect((await readdir(backups)).sort()).toEqual(before)

    const deleted = await aimf('backups', compta, '--delete', ours[1] ?? '')
    expect(deleted.code).toBe(0)
    expect(deleted.out).toContain(`Sauvegarde supprimée : ${join(backups, ours[1] ?? '')}`)
    expect(await manualIn(compta)).toEqual([ours[0], ours[2]])
    expect(await manualIn(other)).toEqual([theirs])

    // A damaged file's backups can be sorted out too (found by its identity, file untouched).
    await damagePage(compta, -3)
    const damaged = await sha256(compta)
    expect((await aimf('backups', compta, '--delete', ours[0] ?? '')).code).toBe(0)
    expect(await manualIn(compta)).toEqual([ours[2]])
    expect(await sha256(compta)).toBe(damaged)
    expect((await readdir(folder)).sort()).toEqual([
      'backups',
      'compta.2025.sqlite',
      'compta.sqlite',
    ])
  }, 120_000)
})

describe('restore from any path', () => {
  it('restores a damaged file from a backup copied with --to, keeping the damaged file', async () => {
    const folder = await tempFolder()
    const path = join(folder, 'compta.sqlite')
    await (await fileWith(path, 'Avant la panne')).close()
    const usb = join(folder, 'cle-usb')
    const made = await aimf('backup', path, '--to', usb)
    expect(made.code).toBe(0)
    const [copy = ''] = await readdir(usb)
    // Work after the backup, then the disk damages the file.
    const file = await DataFile.open(path)
    await addIncome(file, 'Après la sauvegarde')
    await growFile(file)
    await file.close()
    await damagePage(path, -3)
    const damaged = await sha256(path)
    expect((await aimf('check', path)).code).toBe(1)

    // Listing works on the damaged file; the copy on the stick can be restored by its path.
    const listed = await aimf('backups', path)
    expect(listed.code).toBe(0)
    expect(listed.out).toContain(copy)
    const restored = await aimf('restore', path, join(usb, copy))
    expect(restored).toMatchObject({ code: 0 })
    expect(restored.out).toContain('Le fichier endommagé est conservé')
    expect(await aimf('check', path)).toMatchObject({ code: 0 })
    expect(await labelsIn(path)).toEqual(['Avant la panne'])
    const kept = (await readdir(join(folder, 'backups'))).find((n) => n.includes('.damaged.'))
    expect(kept).toBeDefined()
    expect(await sha256(join(folder, 'backups', kept ?? ''))).toBe(damaged)
    // The damaged file kept is listed with the file's backups, not restorable.
    expect((await aimf('backups', path)).out).toContain(kept)
  }, 120_000)

  it('restores a file that is gone from a backup’s path, and never over one that appeared', async () => {
    const folder = await tempFolder()
    const path = join(folder, 'perdu.sqlite')
    await (await fileWith(path, 'Sauvé')).close()
    const made = await aimf('backup', path)
    const backup = /\S+\.manual\.[0-9a-f]{16}\.sqlite/.exec(made.out)?.[0] ?? ''
    await rm(path)
    expect(await aimf('restore', path, backup)).toMatchObject({ code: 0 })
    expect(await labelsIn(path)).toEqual(['Sauvé'])
  }, 60_000)

  it('refuses what is not a sound AIMF backup, and another file’s without --force; the file stays byte-identical', async () => {
    const folder = await tempFolder()
    const path = join(folder, 'compta.sqlite')
    await (await fileWith(path, 'Compta')).close()
    const { writeFile } = await import('node:fs/promises')
    const notOurs = join(folder, 'notes.sqlite')
    await writeFile(notOurs, 'pas une base de données')
    const other = join(folder, 'autre.sqlite')
    await (await fileWith(other, 'Autre')).close()
    const damaged = join(folder, 'abimee.sqlite')
    const big = await fileWith(damaged, 'Abîmée')
    await growFile(big)
    await big.close()
    await damagePage(damaged, -2)
    const newer = join(folder, 'future.sqlite')
    await copyFile(other, newer)
    const native = await openNative(newer, OPEN_READWRITE)
    await exec(native, 'PRAGMA user_version = 999;')
    await closeNative(native)
    const broken = join(folder, 'faussee.sqlite')
    await copyFile(other, broken)
    const raw = await openNative(broken, OPEN_READWRITE)
    // A receipt's amount changed behind the ledger's back: `aimf check` finds it.
    await exec(raw, 'UPDATE other_income SET amount_minor = amount_minor + 1;')
    await closeNative(raw)

    const before = await sha256(path)
    const cases: [string, RegExp][] = [
      [notOurs, /n’est pas un fichier AIMF Finances/],
      [damaged, /est endommagé/],
      [newer, /version plus récente/],
      [other, /n’est pas une sauvegarde de/],
      [broken, /anomalie/],
      [join(folder, 'absente.sqlite'), /introuvable/],
      [path, /pas le fichier lui-même/],
    ]
    for (const [backup, message] of cases) {
      const result = await aimf('restore', path, backup)
      expect(result.code, basename(backup)).toBe(2)
      expect(result.err, basename(backup)).toMatch(message)
      expect(await sha256(path)).toBe(before)
    }
    expect((await readdir(folder)).filter((n) => /-(wal|shm|journal)$|\.partial$/.test(n))).toEqual(
      [],
    )
  }, 120_000)
})

describe('« Restaurer depuis un fichier… » in the window', () => {
  it('restores the open file from a chosen file, says when it is another file’s and asks again', async () => {
    app = await startTestApp()
    await app.ok('funds.addOtherIncome', income('Avant'))
    const usb = join(app.folder, 'cle')
    const made = await app.ok('backups.create', {})
    const manual = made.find((b) => b.trigger === 'manual')
    const { mkdir } = await import('node:fs/promises')
    await mkdir(usb)
    await copyFile(join(manual?.folder ?? '', manual?.name ?? ''), join(usb, 'copie.sqlite'))
    await app.ok('funds.addOtherIncome', income('Après'))

    // Cancelled dialog: nothing happens.
    app.host.nextBackupFile = null
    expect((await app.call('backups.chooseFile', {})).ok || 'cancelled').toBe('cancelled')
    app.host.nextBackupFile = join(usb, 'copie.sqlite')
    const chosen = await app.ok('backups.chooseFile', {})
    expect(chosen).toMatchObject({
      name: 'copie.sqlite',
      kinship: 'sameFile',
      anomalies: 0,
      trigger: 'manual',
    })
    await app.ok('backups.restoreChosen', { token: chosen.token, force: false })
    expect((await app.ok('funds.otherIncome', {})).map((i) => i.label)).toEqual(['Avant'])
    expect((await app.ok('backups.list', {})).some((b) => b.trigger === 'restore')).toBe(true)
    // The token served once: it cannot be replayed.
    const replay = await app.call('backups.restoreChosen', { token: chosen.token, force: false })
    expect(replay.ok || replay.error.code).toBe('NOT_FOUND')

    // Another file's backup: said so, refused without the second yes, restored with it.
    const other = join(app.folder, 'autre.sqlite')
    await (await fileWith(other, 'Autre')).close()
    app.host.nextBackupFile = other
    const foreign = await app.ok('backups.chooseFile', {})
    expect(foreign.kinship).toBe('otherFile')
    const refused = await app.call('backups.restoreChosen', { token: foreign.token, force: false })
    expect(refused.ok || refused.error.message).toMatch(/n’est pas une sauvegarde de/)
    expect((await app.ok('funds.otherIncome', {})).map((i) => i.label)).toEqual(['Avant'])
    await app.ok('backups.restoreChosen', { token: foreign.token, force: true })
    expect((await app.ok('funds.otherIncome', {})).map((i) => i.label)).toEqual(['Autre'])
  }, 120_000)

  it('restores a damaged file of the recent list from a chosen file, keeping the damaged one', async () => {
    app = await startTestApp({ openFile: false })
    const path = join(app.folder, 'compta.sqlite')
    await app.core.createFile(path)
    await app.ok('funds.addOtherIncome', income('Sauvée'))
    const made = (await app.ok('backups.create', {})).find((b) => b.trigger === 'manual')
    const elsewhere = join(app.folder, 'copie-ailleurs.sqlite')
    await copyFile(join(made?.folder ?? '', made?.name ?? ''), elsewhere)
    // No backup left beside the file: only the copy elsewhere can save it.
    await app.core.closeFile()
    await rm(join(app.folder, 'backups'), { recursive: true })
    const file = await DataFile.open(path)
    await growFile(file)
    await file.close()
    await damagePage(path, -3)

    const damaged = await damagedToken(app, path)
    const latest = await app.call('file.recoverFromBackup', { file: damaged })
    expect(latest.ok || latest.error.code).toBe('NOT_FOUND')
    app.host.nextBackupFile = elsewhere
    // Only the damaged file's own token: not a path, not a forged or other-purpose token.
    for (const forFile of ['/etc/passwd', 'x'.repeat(32), await app.recent(path)]) {
      const forbidden = await app.call('backups.chooseFile', { forFile })
      expect(forbidden.ok || forbidden.error.code).toMatch(/VALIDATION|FORBIDDEN/)
    }
    const chosen = await app.ok('backups.chooseFile', { forFile: damaged })
    expect(chosen.kinship).toBe('sameFile')
    await app.ok('file.recoverFromChosen', { file: damaged, token: chosen.token, force: false })
    expect((await app.ok('funds.otherIncome', {})).map((i) => i.label)).toEqual(['Sauvée'])
    expect((await readdir(join(app.folder, 'backups'))).some((n) => n.includes('.damaged.'))).toBe(
      true,
    )
  }, 120_000)
})
