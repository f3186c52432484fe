import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../electron/main/cli/cli'
import { checkFile } from '../../electron/main/check/file-check'
import { missionCopy } from '../../electron/main/sync/sync-service'
import { startTestApp, type TestApp } from '../support/core'
import { tempFolder } from '../support/temp'
import { officeAfterMission } from './mission-work'
import { officeAndMission } from './office-and-mission'
import { joinTarget } from './sync-targets'

const apps: TestApp[] = []
afterEach(async () => {
  for (const app of apps.splice(0)) await app.core.dispose()
})

/**
 * The ordinary mission of issue 17, as a new user does it: the laptop edits an agreement the
 * office already had, then creates a funder and an agreement of that funder, and syncs. Merged
 * table by table in the order tables first appeared in the file, the new agreement was written
 * before its funder and every later sync of the office failed on a FOREIGN KEY constraint.
 */
describe('the ordinary mission case', () => {
  it('arrives whole at the office: an existing agreement edited, then a new funder and its agreement', async () => {
    const { office, mission, france, grant, share } = await officeAndMission(apps)

    // On mission: the grant's title corrected, then a new funder met and its agreement signed.
    await mission.ok('agreements.update', {
      id: grant.id,
      fields: {
        funderId: france.id,
        reference: 'SUBV-FR-2026',
        title: 'Subvention de fonctionnement 2026-2027',
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        currency: 'EUR',
        amount: '500000',
        earmarking: 'untied',
        nature: 'operating',
      },
    })
    const lyon = await mission.ok('funders.create', {
      name: 'Métropole de Lyon',
      kind: 'city',
      defaultCurrency: 'EUR',
    })
    const lyonGrant = await mission.ok('agreements.create', {
      funderId: lyon.id,
      reference: 'LYON-2026',
      title: 'Coopération décentralisée',
      startsOn: '2026-03-01',
      endsOn: '2028-02-29',
      currency: 'EUR',
      amount: '120000',
      earmarking: 'untied',
      nature: 'investment',
    })
    await mission.ok('receipts.add', {
      confirmed: true,
      agreementId: lyonGrant.id,
      receivedOn: '2026-04-02',
      amount: '40000',
    })
    await mission.ok('sync.now', {})
    await mission.core.closeFile()

    // Back at the office: `aimf sync` merges it all and exits 0; `aimf check` finds nothing.
    const officePath = office.core.requireSession().file.path
    await office.core.closeFile()
    const lines: string[] = []
    const out = (line: string) => lines.push(line)
    const code = await runCli(['sync', officePath, '--folder', share, '--json'], out, out)
    expect(lines.join('\n')).not.toMatch(/FOREIGN KEY|SQLITE/)
    expect(code).toBe(0)
    const report = JSON.parse(lines.at(-1) ?? '{}') as { received: number; skipped: unknown[] }
    expect(report.skipped).toEqual([])
    expect(report.received).toBeGreaterThan(0)
    expect(await checkFile(officePath)).toEqual([])

    await office.core.openFile(officePath)
    const agreements = await office.ok('agreements.list', {})
    expect(agreements.map((a) => [a.reference, a.title]).sort()).toEqual([
      ['LYON-2026', 'Coopération décentralisée'],
      ['SUBV-FR-2026', 'Subvention de fonctionnement 2026-2027'],
    ])
    const arrived = await office.ok('agreements.get', { id: lyonGrant.id })
    expect(arrived.funderName).toBe('Métropole de Lyon')
    // Syncing again: nothing new, nothing set aside.
    const again = await office.ok('sync.now', {})
    expect([again.received, again.skipped]).toEqual([0, []])
  })
})

describe('a mission’s whole work', () => {
  it('arrives at the office with every money action, and the accounts pass `aimf check`', async () => {
    const { share, officePath, work } = await officeAfterMission()
    const lines: string[] = []
    const out = (line: string) => lines.push(line)
    expect(await runCli(['sync', officePath, '--folder', share, '--json'], out, out)).toBe(0)
    const report = JSON.parse(lines.at(-1) ?? '{}') as { received: number; skipped: unknown[] }
    expect(report.skipped).toEqual([])
    expect(report.received).toBeGreaterThan(50)
    expect(await checkFile(officePath)).toEqual([])
    const office = await startTestApp({ openFile: false })
    apps.push(office)
    await office.core.openFile(officePath)
    const project = await office.ok('projects.get', { id: work.project.id })
    expect(project.status).toBe('in_progress')
    expect(project.tranches.map((t) => t.status)).toEqual(['paid', 'cancelled'])
    const lyon = await office.ok('agreements.get', { id: work.lyonGrant.id })
    expect(lyon.receipts.map((r) => r.amount)).toEqual([4_000_000])
  })
})

describe('a mission copy made before the office synced', () => {
  it('sends the office’s unsent changes in the office’s folder, its own in its own, and both arrive', async () => {
    const office = await startTestApp()
    apps.push(office)
    await office.ok('funders.create', { name: 'France', kind: 'state', defaultCurrency: 'EUR' })
    const share = join(await tempFolder(), 'partage')
    await joinTarget(office, { kind: 'folder', share })
    const session = office.core.requireSession()
    const earlyPath = join(office.folder, 'avant.sqlite')
    await missionCopy(session.file, session.sync, earlyPath)
    // Entered after the last sync, then the copy is made: the laptop leaves with it unsent.
    await office.ok('funders.create', { name: 'Québec', kind: 'state', defaultCurrency: 'CAD' })
    const missionPath = join(office.folder, 'mission.sqlite')
    await missionCopy(session.file, session.sync, missionPath)
    await office.core.closeFile()

    const mission = await startTestApp({ openFile: false })
    apps.push(mission)
    await mission.core.openFile(missionPath)
    await mission.ok('funders.create', { name: 'Wallonie', kind: 'state', defaultCurrency: 'EUR' })
    await mission.ok('sync.now', {})
    const early = await startTestApp({ openFile: false })
    apps.push(early)
    await early.core.openFile(earlyPath)
    const report = await early.ok('sync.now', {})
    expect(report.skipped).toEqual([])
    const names = (await early.ok('funders.list', {})).map((f) => f.name).sort()
    expect(names).toEqual(['France', 'Québec', 'Wallonie'])
  })
})
