import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import type { Session } from '../../electron/main/app/session'
import { DataFile } from '../../electron/main/db/data-file'
import { decodeChangeFile, encodeChangeFile } from '../../electron/main/sync/change-file'
import { seenBy, seenSteps } from '../../electron/main/sync/seen'
import { missionCopy } from '../../electron/main/sync/sync-service'
import { tempFolder } from '../support/temp'
import { funderInput } from './funder-input'

const open: DataFile[] = []
afterEach(async () => {
  for (const file of open.splice(0)) await file.close().catch(() => undefined)
})

const funder = (notes: string | null) => funderInput('Fondation de Dakar', notes)

/** The office's file with one funder, and a mission laptop's copy, both on one shared folder. */
async function officeAndMission() {
  const folder = await tempFolder()
  const share = join(folder, 'partage')
  await mkdir(share)
  const created = await DataFile.create(join(folder, 'bureau.sqlite'))
  open.push(created)
  const office = createSession(created)
  const dakar = await office.funders.create(funder(null), 'Awa')
  await office.sync.syncFolder(share, 'Awa')
  const missionPath = join(folder, 'mission.sqlite')
  await missionCopy(created, office.sync, missionPath)
  const file = await DataFile.open(missionPath)
  open.push(file)
  const mission = createSession(file)
  const sync = {
    office: () => office.sync.syncFolder(share, 'Awa'),
    mission: () => mission.sync.syncFolder(share, 'Jean'),
  }
  return { share, office, mission, id: dakar.id, sync }
}

const notes = async (side: Session, id: string) => (await side.funders.get(id)).notes
const listed = async (side: Session) =>
  (await side.sync.conflicts()).map((c) => [c.kind, c.column_name, c.kept_value, c.other_value])

/** The mission's files in the shared folder, as written. */
async function missionFiles(share: string, mission: Session): Promise<string[]> {
  const dataset = join(share, (await readdir(share))[0] ?? '')
  const folder = join(dataset, mission.file.info().replicaId)
  return (await readdir(folder)).map((name) => join(folder, name))
}

describe('a field changed on one copy, then again on the other once it had merged it (issue 27)', () => {
  it('is a sequential edit: no conflict on either copy, both keep the second value', async () => {
    const { office, mission, id, sync } = await officeAndMission()
    await office.funders.update(id, funder('Note du bureau'), 'Awa')
    await sync.office()
    await sync.mission()
    expect(await notes(mission, id)).toBe('Note du bureau')
    await mission.funders.update(id, funder('Note de mission'), 'Jean')
    await sync.mission()
    await sync.office()
    await sync.mission()
    for (const side of [office, mission]) {
      expect(await listed(side)).toEqual([])
      expect(await notes(side, id)).toBe('Note de mission')
    }
  })

  it('changed back and forth on both copies, each after merging the other, lists nothing', async () => {
    const { office, mission, id, sync } = await officeAndMission()
    for (const round of [1, 2, 3]) {
      await office.funders.update(id, funder(`Bureau ${round}`), 'Awa')
      await sync.office()
      await sync.mission()
      await mission.funders.update(id, funder(`Mission ${round}`), 'Jean')
      await sync.mission()
      await sync.office()
    }
    for (const side of [office, mission]) {
      expect(await listed(side)).toEqual([])
      expect(await notes(side, id)).toBe('Mission 3')
    }
  })

  it('changed on both copies before either heard of the other: one conflict on each, the later kept', async () => {
    const { office, mission, id, sync } = await officeAndMission()
    await office.funders.update(id, funder('Note du bureau'), 'Awa')
    await new Promise((resolve) => setTimeout(resolve, 5))
    await mission.funders.update(id, funder('Note de mission'), 'Jean')
    await sync.office()
    await sync.mission()
    await sync.office()
    for (const side of [office, mission]) {
      expect(await listed(side)).toEqual([
        ['field', 'notes', JSON.stringify('Note de mission'), JSON.stringify('Note du bureau')],
      ])
      expect(await notes(side, id)).toBe('Note de mission')
    }
  })

  it('a change the other copy had merged, then a concurrent one: only the concurrent pair is listed', async () => {
    const { office, mission, id, sync } = await officeAndMission()
    await office.funders.update(id, funder('Bureau 1'), 'Awa')
    await sync.office()
    await sync.mission()
    // The mission has Bureau 1; then both change the field before hearing from each other.
    await office.funders.update(id, funder('Bureau 2'), 'Awa')
    await new Promise((resolve) => setTimeout(resolve, 5))
    await mission.funders.update(id, funder('Mission 1'), 'Jean')
    await sync.mission()
    await sync.office()
    await sync.mission()
    for (const side of [office, mission]) {
      expect(await listed(side)).toEqual([
        ['field', 'notes', JSON.stringify('Mission 1'), JSON.stringify('Bureau 2')],
      ])
      expect(await notes(side, id)).toBe('Mission 1')
    }
  })

  it('a record archived on one copy and edited on the other, unseen, is still listed on both', async () => {
    const { office, mission, id, sync } = await officeAndMission()
    await office.funders.update(id, funder('Note du bureau'), 'Awa')
    await sync.office()
    await sync.mission()
    await office.funders.archive(id, 'Awa')
    await mission.funders.update(id, funder('Rencontrée'), 'Jean')
    await sync.office()
    await sync.mission()
    await sync.office()
    for (const side of [office, mission]) {
      expect((await side.sync.conflicts()).map((c) => c.kind)).toEqual(['archived_edited'])
    }
  })

  it('a file of an older copy, which does not say what it had merged, is weighed as before', async () => {
    const { share, office, mission, id, sync } = await officeAndMission()
    await office.funders.update(id, funder('Note du bureau'), 'Awa')
    await sync.office()
    await sync.mission()
    await mission.funders.update(id, funder('Note de mission'), 'Jean')
    await sync.mission()
    const [path, ...others] = await missionFiles(share, mission)
    expect(others).toEqual([])
    const decoded = decodeChangeFile(await readFile(path ?? ''))
    if (!decoded.ok) throw new Error(decoded.reason)
    expect(decoded.file.seen).toEqual([
      expect.objectContaining({ replica: office.file.info().replicaId }),
    ])
    const { seen: _seen, ...older } = decoded.file
    await writeFile(path ?? '', encodeChangeFile(older))
    await sync.office()
    // The office has heard nothing of the mission since the copy: its change looks concurrent.
    expect(await listed(office)).toEqual([
      ['field', 'notes', JSON.stringify('Note de mission'), JSON.stringify('Note du bureau')],
    ])
    expect(await notes(office, id)).toBe('Note de mission')
  })

  it('refuses a file whose claim of what it had merged is not made of stamps', async () => {
    const { share, office, mission, id, sync } = await officeAndMission()
    await mission.funders.update(id, funder('Note de mission'), 'Jean')
    await sync.mission()
    const [path] = await missionFiles(share, mission)
    const decoded = decodeChangeFile(await readFile(path ?? ''))
    if (!decoded.ok) throw new Error(decoded.reason)
    const forged = { ...decoded.file, seen: [{ replica: 'x'.repeat(500), from: '', upTo: 1 }] }
    await writeFile(path ?? '', encodeChangeFile(forged as unknown as typeof decoded.file))
    const report = await sync.office()
    expect(report.skipped.map((s) => s.reason)).toEqual(['damaged'])
    expect(await notes(office, id)).toBeNull()
  })
})

describe('a third copy’s change the sender had not merged, older than what the office last heard of it', () => {
  it('is listed: the office reads that copy’s changes from what the sender had of it, not from its own last news', async () => {
    const { share, office, mission, id, sync } = await officeAndMission()
    const folder = join(share, '..')
    const thirdPath = join(folder, 'antenne.sqlite')
    await missionCopy(office.file, office.sync, thirdPath)
    const thirdFile = await DataFile.open(thirdPath)
    open.push(thirdFile)
    const third = createSession(thirdFile)
    const other = (await office.funders.create(funderInput('Ville de Lyon', null), 'Awa')).id
    await sync.office()
    const syncThird = () => third.sync.syncFolder(share, 'Binta')
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5))
    // The mission merges the third copy's first note…
    await third.funders.update(id, funder('Antenne 1'), 'Binta')
    await syncThird()
    await sync.mission()
    // …but not its second, written before the mission's next change and sent only after it.
    await pause()
    await third.funders.update(id, funder('Antenne 2'), 'Binta')
    await pause()
    await mission.funders.update(other, funderInput('Ville de Lyon', 'Vu en mission'), 'Jean')
    await sync.mission()
    await syncThird()
    await sync.office()
    // The office has "Antenne 2" and has heard of the mission after it; the mission, which still
    // has only "Antenne 1", writes the same field.
    await pause()
    await mission.funders.update(id, funder('Note de mission'), 'Jean')
    await sync.mission()
    await sync.office()
    expect(await listed(office)).toEqual([
      ['field', 'notes', JSON.stringify('Note de mission'), JSON.stringify('Antenne 2')],
    ])
    expect(await notes(office, id)).toBe('Note de mission')
  })
})

describe('what a copy says it had merged (seen.ts)', () => {
  it('never claims a change of the other copy that came in after a later one (a file merged out of order)', async () => {
    const file = await DataFile.create(join(await tempFolder(), 'bureau.sqlite'))
    open.push(file)
    const own = file.info().replicaId
    const stamp = (second: number, replica: string) =>
      `2026-04-30T10:00:0${second}.000Z-0000-${replica}`
    // In the order they entered the log: the other copy's 1 and 3, then its 2, late.
    const log = [
      ['other', 1],
      [own, 2],
      ['other', 4],
      [own, 5],
      ['other', 3],
      [own, 6],
    ] as const
    await file.write('Awa', async (writer) => {
      for (const [replica, second] of log) {
        await writer.trx
          .insertInto('change_log')
          .values({
            hlc: stamp(second, replica),
            tx_id: `tx-${second}`,
            replica_id: replica,
            table_name: 'funders',
            row_id: 'f',
            column_name: 'notes',
            old_value: null,
            new_value: JSON.stringify(`n${second}`),
            author: 'Awa',
            op: 'update',
            recorded_at: '2026-04-30T10:00:00.000Z',
          })
          .execute()
      }
    })
    const run = await file.db
      .selectFrom('change_log')
      .select(['seq', 'hlc'])
      .where('replica_id', '=', own)
      .orderBy('seq')
      .execute()
    const steps = await seenSteps(file, own, run)
    // At its change 5 the copy had 1 and 4 but not 3: it claims 1 only, then 4 once 3 is in.
    expect(steps).toEqual([
      { replica: 'other', from: stamp(2, own), upTo: stamp(1, 'other') },
      { replica: 'other', from: stamp(6, own), upTo: stamp(4, 'other') },
    ])
    const seen = seenBy(steps)
    expect(seen.upTo('other', stamp(5, own))).toBe(stamp(1, 'other'))
    expect(seen.upTo('other', stamp(6, own))).toBe(stamp(4, 'other'))
    expect(seen.upTo('third', stamp(6, own))).toBeUndefined()
    // The claims bearing on changes from a stamp on: the step in force there and the later ones.
    expect(seen.lowestFrom(stamp(1, own))).toEqual(new Map([['other', stamp(1, 'other')]]))
    expect(seen.lowestFrom(stamp(5, own))).toEqual(new Map([['other', stamp(1, 'other')]]))
    expect(seen.lowestFrom(stamp(6, own))).toEqual(new Map([['other', stamp(4, 'other')]]))
    expect(seenBy([]).lowestFrom(stamp(6, own))).toEqual(new Map())
  })
})
