import { join } from 'node:path'
import { sql } from 'kysely'
import { expect } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { missionCopy } from '../../electron/main/sync/sync-service'
import { translate } from '@shared/i18n/translate'
import { startTestApp, type TestApp } from '../support/core'
import { tempFolder } from '../support/temp'
import { joinTarget } from './sync-targets'

/**
 * The office joined to a shared folder, and a mission laptop opened on a copy of its file (pushed
 * onto `apps`, for the caller to dispose of).
 */
export async function missionLaptop(office: TestApp, apps: TestApp[]) {
  const share = join(await tempFolder(), 'partage')
  await joinTarget(office, { kind: 'folder', share })
  const session = office.core.requireSession()
  const missionPath = join(office.folder, 'mission.sqlite')
  await missionCopy(session.file, session.sync, missionPath)
  const mission = await startTestApp({ openFile: false })
  apps.push(mission)
  await mission.core.openFile(missionPath)
  return { mission, share }
}

/**
 * Both ways, `rounds` times (each copy's correction of a merge travels on the next round), no
 * file set aside; then the same ledger, expenses and shares on both copies, row for row, and
 * `aimf check` passes on each.
 */
export async function syncBothWays(office: TestApp, mission: TestApp, rounds = 2): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    for (const app of [mission, office]) expect((await app.ok('sync.now', {})).skipped).toEqual([])
  }
  const books = async (app: TestApp) => {
    const db = app.core.requireSession().file.db
    const rows = async (table: string) =>
      (await sql`SELECT * FROM ${sql.table(table)} ORDER BY id`.execute(db)).rows
    return {
      entries: await rows('ledger_entries'),
      shares: await rows('expense_shares'),
      expenses: await rows('budget_expenses'),
    }
  }
  expect(await books(mission)).toEqual(await books(office))
  for (const app of [office, mission]) expect(await checked(app)).toEqual([])
}

/** `aimf check` on a copy (closed while it runs, as the application holds it open), in French. */
export async function checked(app: TestApp): Promise<string[]> {
  const path = app.core.requireSession().file.path
  await app.core.closeFile()
  const problems = await checkFile(path)
  await app.core.openFile(path)
  return problems.map((p) => translate('fr', p.key, p.params as Record<string, string>))
}
