import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import type { Session } from '../../electron/main/app/session'
import { DataFile } from '../../electron/main/db/data-file'
import { SyncService, missionCopy } from '../../electron/main/sync/sync-service'
import { ServerPasswords } from '../../electron/main/sync/server-passwords'
import { encodeChangeFile } from '../../electron/main/sync/change-file'
import { runCli } from '../../electron/main/cli/cli'
import { tempFolder } from '../support/temp'
import { funderInput } from './funder-input'

const open: DataFile[] = []
afterEach(async () => {
  for (const file of open.splice(0)) await file.close().catch(() => undefined)
})

async function copyOf(path: string): Promise<Session> {
  const file = await DataFile.open(path)
  open.push(file)
  return createSession(file)
}

const funder = funderInput

/** What a copy holds, record by record: the same in every copy once they have synced. */
async function contents(session: Session) {
  const funders = await sql<Record<string, unknown>>`
    SELECT id, name, acronym, kind, notes, contact_name, deleted_at IS NOT NULL AS archived
    FROM funders ORDER BY id`.execute(session.file.db)
  const log = await sql<{ hlc: string }>`SELECT hlc FROM change_log ORDER BY hlc`.execute(
    session.file.db,
  )
  return { funders: funders.rows, log: log.rows.map((r) => r.hlc) }
}

/** The office's file and a mission laptop's copy, joined to the same folder. */
async function officeAndMission() {
  const folder = await tempFolder()
  const share = join(folder, 'partage')
  await mkdir(share)
  const officePath = join(folder, 'bureau.sqlite')
  const created = await DataFile.create(officePath)
  const office = createSession(created)
  open.push(created)
  const dakar = await office.funders.create(funder('Fondation de Dakar'), 'Bureau')
  const lome = await office.funders.create(funder('Fondation de Lomé'), 'Bureau')
  await office.sync.syncFolder(share, 'Bureau')
  const missionPath = join(folder, 'mission.sqlite')
  await missionCopy(created, office.sync, missionPath)
  const mission = await copyOf(missionPath)
  return { share, office, mission, dakar, lome, folder }
}

describe('offline sync through a shared folder', () => {
  it('merges work done on both sides: edits of different fields both survive, new records are all kept', async () => {
    const { share, office, mission, dakar, lome } = await officeAndMission()
    expect(mission.file.info().replicaId).not.toBe(office.file.info().replicaId)
    expect((await mission.sync.status()).datasetId).toBe((await office.sync.status()).datasetId)

    // Offline: the office renames a funder, the mission notes something on it, creates one
    // and archives another.
    await office.funders.update(dakar.id, funder('Fondation Ville de Dakar'), 'Bureau')
    await mission.funders.update(dakar.id, funder('Fondation de Dakar', 'Vue à Dakar'), 'Mission')
    await mission.funders.create(funder('Fondation de Ouagadougou'), 'Mission')
    await mission.funders.archive(lome.id, 'Mission')

    const sent = await mission.sync.syncFolder(share, 'Mission')
    expect(sent.sent).toBeGreaterThan(0)
    const back = await office.sync.syncFolder(share, 'Bureau')
    expect(back.received).toBe(sent.sent)
    await mission.sync.syncFolder(share, 'Mission')

    const names = (await office.funders.list({ includeArchived: true })).map((f) => [
      f.name,
      f.notes,
      f.archivedAt !== null,
    ])
    expect(names).toEqual(
      expect.arrayContaining([
        ['Fondation Ville de Dakar', 'Vue à Dakar', false],
        ['Fondation de Lomé', null, true],
        ['Fondation de Ouagadougou', null, false],
      ]),
    )
    expect(await contents(mission)).toEqual(await contents(office))
    // Nothing to review: no field was changed on both sides.
    expect(await office.sync.conflicts()).toEqual([])

    // Syncing again changes nothing.
    const before = await contents(office)
    const again = await office.sync.syncFolder(share, 'Bureau')
    expect([again.sent, again.received]).toEqual([0, 0])
    expect(await contents(office)).toEqual(before)
  })

  it('keeps the later change of a field changed on both sides, lists it for review, and takes the other value on request', async () => {
    const { share, office, mission, dakar } = await officeAndMission()
    await office.funders.update(dakar.id, funder('Fondation de Dakar', 'Note du bureau'), 'Awa')
    await new Promise((resolve) => setTimeout(resolve, 5))
    await mission.funders.update(dakar.id, funder('Fondation de Dakar', 'Note de mission'), 'Jean')
    await office.sync.syncFolder(share, 'Awa')
    await mission.sync.syncFolder(share, 'Jean')
    await office.sync.syncFolder(share, 'Awa')

    for (const side of [office, mission]) {
      const [conflict, ...others] = await side.sync.conflicts()
      expect(others).toEqual([])
      expect(conflict).toMatchObject({
        kind: 'field',
        table_name: 'funders',
        row_id: dakar.id,
        column_name: 'notes',
        record: 'Fondation de Dakar',
        kept_value: JSON.stringify('Note de mission'),
        kept_author: 'Jean',
        other_value: JSON.stringify('Note du bureau'),
        other_author: 'Awa',
      })
      expect((await side.funders.get(dakar.id)).notes).toBe('Note de mission')
    }
    const [onOffice] = await office.sync.conflicts()
    await office.sync.resolve(onOffice?.id ?? '', 'other', 'Awa')
    await office.sync.syncFolder(share, 'Awa')
    await mission.sync.syncFolder(share, 'Jean')
    expect((await mission.funders.get(dakar.id)).notes).toBe('Note du bureau')
    expect(await contents(mission)).toEqual(await contents(office))
  })

  it('lists a record archived on one side and edited on the other', async () => {
    const { share, office, mission, lome } = await officeAndMission()
    await office.funders.archive(lome.id, 'Awa')
    await mission.funders.update(lome.id, funder('Fondation de Lomé', 'Rencontrée'), 'Jean')
    await office.sync.syncFolder(share, 'Awa')
    await mission.sync.syncFolder(share, 'Jean')
    await office.sync.syncFolder(share, 'Awa')
    for (const side of [office, mission]) {
      expect((await side.sync.conflicts()).map((c) => [c.kind, c.row_id])).toEqual([
        ['archived_edited', lome.id],
      ])
    }
    expect(await contents(mission)).toEqual(await contents(office))
  })

  it('skips a truncated or foreign file with a message and changes nothing; the same file from two folders is applied once', async () => {
    const { share, office, mission, folder } = await officeAndMission()
    await mission.funders.create(funder('Fondation de Niamey'), 'Mission')
    await mission.sync.syncFolder(share, 'Mission')
    const datasetFolder = join(share, (await readdir(share))[0] ?? '')
    const missionFolder = join(datasetFolder, mission.file.info().replicaId)
    const [written] = await readdir(missionFolder)
    // A file cut short, as a cloud client leaves it while copying, and a file of nonsense.
    const { readFile } = await import('node:fs/promises')
    const bytes = await readFile(join(missionFolder, written ?? ''))
    await writeFile(
      join(missionFolder, '000000999990-000000999999.aimfsync'),
      bytes.subarray(0, bytes.length - 10),
    )
    await writeFile(
      join(missionFolder, '000000999991-000000999999.aimfsync'),
      'PK\u0003\u0004 pas un fichier',
    )
    const before = await contents(office)
    const report = await office.sync.syncFolder(share, 'Bureau')
    expect(report.skipped.map((s) => s.reason).sort()).toEqual(['damaged', 'not_changes'])
    expect(report.received).toBeGreaterThan(0)
    expect((await contents(office)).funders).toHaveLength(before.funders.length + 1)
    // The mission's file copied by hand into another folder: nothing new the second time.
    const other = join(folder, 'cle-usb')
    const { cp } = await import('node:fs/promises')
    await cp(share, other, { recursive: true })
    const second = await office.sync.syncFolder(other, 'Bureau')
    expect(second.received).toBe(0)
  })

  it('writes a long history as several files of a bounded size, which the other copy applies in order', async () => {
    const { share, office, mission } = await officeAndMission()
    for (let n = 0; n < 5; n += 1) {
      const created = await mission.funders.create(funder(`Fondation ${n}`), 'Mission')
      await mission.funders.update(created.id, funder(`Fondation ${n}`, `Note ${n}`), 'Mission')
    }
    // Three changes a file: the ten changes go as four files, written in order.
    const small = new SyncService(mission.file, () => 'fr', new ServerPasswords(null), 3)
    expect((await small.status()).unsent).toBe(10)
    expect((await small.syncFolder(share, 'Mission')).sent).toBe(10)
    expect((await small.status()).unsent).toBe(0)
    const datasetFolder = join(share, `AIMF-${(await office.sync.status()).datasetId ?? ''}`)
    const files = await readdir(join(datasetFolder, mission.file.info().replicaId))
    expect(files.sort()).toHaveLength(4)
    expect((await office.sync.syncFolder(share, 'Bureau')).received).toBe(10)
    expect(await contents(office)).toEqual(await contents(mission))
  })

  it('gives a file copied by hand an identity of its own, and leaves a newer schema’s changes waiting', async () => {
    const { share, office, mission, folder } = await officeAndMission()
    // Copied by the file manager, not prepared: opened elsewhere, it is a copy of its own.
    await mission.file.close()
    open.splice(open.indexOf(mission.file), 1)
    const byHand = join(folder, 'copie-a-la-main.sqlite')
    await copyFile(join(folder, 'mission.sqlite'), byHand)
    const copied = await copyOf(byHand)
    expect(copied.file.info().replicaId).not.toBe(mission.file.info().replicaId)
    const reopened = await copyOf(join(folder, 'mission.sqlite'))
    expect(reopened.file.info().replicaId).toBe(mission.file.info().replicaId)

    // A change file written by a newer version of the application: not applied, said, kept.
    const datasetId = (await office.sync.status()).datasetId ?? ''
    const newer = join(share, `AIMF-${datasetId}`, 'abcdefabcdefabcd')
    await mkdir(newer, { recursive: true })
    await writeFile(
      join(newer, '000000000001-000000000001.aimfsync'),
      encodeChangeFile({
        datasetId,
        replicaId: 'abcdefabcdefabcd',
        schemaVersion: 99,
        changes: [],
      }),
    )
    const report = await office.sync.syncFolder(share, 'Bureau')
    expect(report.skipped).toEqual([
      {
        name: 'abcdefabcdefabcd/000000000001-000000000001.aimfsync',
        replicaId: 'abcdefabcdefabcd',
        reason: 'newer_schema',
        detail: null,
      },
    ])
    expect((await office.sync.syncFolder(share, 'Bureau')).skipped).toHaveLength(1)
  })

  it('seals the files with the dataset’s passphrase: a copy without it cannot read them', async () => {
    const { share, office, mission, folder } = await officeAndMission()
    await office.sync.setPassphrase('une phrase longue et secrète')
    await office.funders.create(funder('Fondation Confidentielle'), 'Bureau')
    await office.sync.syncFolder(share, 'Bureau')
    const datasetFolder = join(share, `AIMF-${(await office.sync.status()).datasetId ?? ''}`)
    const officeFolder = join(datasetFolder, office.file.info().replicaId)
    const { readFile } = await import('node:fs/promises')
    const files = (await readdir(officeFolder)).sort()
    const sealed = await readFile(join(officeFolder, files.at(-1) ?? ''))
    expect(sealed.subarray(0, 24).toString('ascii')).toBe('AIMF-CHANGES-1-AES256GCM')
    // The mission copy was made before the passphrase: it says so and applies nothing.
    const withoutKey = await mission.sync.syncFolder(share, 'Mission')
    expect(withoutKey.skipped.map((s) => s.reason)).toEqual(['sealed'])
    await mission.sync.setPassphrase('une autre phrase, fausse')
    expect((await mission.sync.syncFolder(share, 'Mission')).skipped.map((s) => s.reason)).toEqual([
      'wrong_key',
    ])
    await mission.sync.setPassphrase('une phrase longue et secrète')
    expect((await mission.sync.syncFolder(share, 'Mission')).skipped).toEqual([])
    expect((await mission.funders.list()).map((f) => f.name)).toContain('Fondation Confidentielle')
    // A copy prepared afterwards has the key already.
    const later = join(folder, 'mission-3.sqlite')
    await missionCopy(office.file, office.sync, later)
    const third = await copyOf(later)
    expect((await third.sync.status()).sealed).toBe(true)
  })

  it('shows where a file stands without writing to it, even one opened only to be looked at', async () => {
    const folder = await tempFolder()
    const path = join(folder, 'bureau.sqlite')
    const created = await DataFile.create(path)
    await created.close()
    const viewed = await DataFile.openForViewing(path)
    open.push(viewed)
    expect(await createSession(viewed).sync.status()).toMatchObject({
      datasetId: null,
      folder: null,
      toReview: 0,
    })
  })

  it('runs headless: aimf sync, sync-status and mission-copy', async () => {
    const folder = await tempFolder()
    const path = join(folder, 'bureau.sqlite')
    const lines: string[] = []
    const out = (line: string) => lines.push(line)
    expect(await runCli(['new', path, '--lang', 'en'], out, out)).toBe(0)
    const copy = join(folder, 'mission.sqlite')
    expect(await runCli(['mission-copy', path, copy, '--lang', 'en'], out, out)).toBe(0)
    const share = join(folder, 'partage')
    await mkdir(share)
    expect(await runCli(['sync', path, '--folder', share, '--lang', 'en'], out, out)).toBe(0)
    expect(lines.at(-1)).toMatch(/^Sent: \d+ changes\. Received: 0\./)
    expect(await runCli(['sync', copy, '--folder', share, '--json'], out, out)).toBe(0)
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ conflicts: 0, toReview: 0 })
    expect(await runCli(['sync-status', copy, '--json'], out, out)).toBe(0)
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ folder: share, toReview: 0 })
    expect(await runCli(['sync', path], out, out)).toBe(2)
  })
})
