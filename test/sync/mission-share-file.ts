import { createHash } from 'node:crypto'
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { expect } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import { checkFile } from '../../electron/main/check/file-check'
import { DataFile } from '../../electron/main/db/data-file'
import {
  type ChangeRow,
  decodeChangeFile,
  encodeChangeFile,
} from '../../electron/main/sync/change-file'
import { missionCopy } from '../../electron/main/sync/sync-service'
import { translate } from '@shared/i18n/translate'
import { setAsideMessage } from '@shared/sync/set-aside-message'
import { sharedSalary, sharingWorld, type SharingWorld } from '../budget/cost-sharing-setup'
import { startTestApp, type TestApp } from '../support/core'
import { found } from '../support/found'
import { tempFolder } from '../support/temp'
import { joinTarget } from './sync-targets'

export interface Base {
  folder: string
  officePath: string
  datasetId: string
  mission: string
  fileName: string
  changes: ChangeRow[]
  ids: { euId: string; usdId: string; archivedId: string; untiedId: string }
}

/**
 * The office: the cost-sharing world, its 60/40 salary, an agreement archived. The mission
 * laptop, on a copy, changes the salary to 50/50 and records a new expense shared 70/30 between
 * the EU action's heading 2 and the USD action (or does the work given), then syncs: its change
 * file is what the cases start from.
 */
export async function missionShareFile(work: MissionWork = splitsAgain): Promise<Base> {
  const world = await sharingWorld({ lifetime: 'file' })
  const office = world.app
  const salary = found((await sharedSalary(world))[0], 'salary')
  const france = found(
    (await office.ok('funders.list', {})).find((f) => f.name === 'France'),
    'France',
  )
  const old = await office.ok('agreements.create', {
    funderId: france.id,
    reference: 'ANCIENNE-2026',
    title: 'Convention retirée',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    currency: 'EUR',
    amount: '1000',
    earmarking: 'programme',
    programmeCode: 'local_governance',
    nature: 'operating',
  } as never)
  await office.ok('agreements.archive', { id: old.id })
  const folder = await tempFolder('file')
  const share = join(folder, 'partage')
  await joinTarget(office, { kind: 'folder', share })
  const session = office.core.requireSession()
  const officePath = session.file.path
  const missionPath = join(folder, 'mission.sqlite')
  await missionCopy(session.file, session.sync, missionPath)
  const datasetId = (await office.ok('sync.status', {})).datasetId ?? ''
  await office.core.dispose()

  const mission = await startTestApp({ openFile: false, lifetime: 'file' })
  await mission.core.openFile(missionPath)
  const missionId = mission.core.requireSession().file.info().replicaId
  await work(mission, world, salary.id)
  await mission.ok('sync.now', {})
  await mission.core.dispose()
  const missionFolder = join(share, `AIMF-${datasetId}`, missionId)
  const [fileName] = await readdir(missionFolder)
  const decoded = decodeChangeFile(await readFile(join(missionFolder, fileName ?? '')))
  if (!decoded.ok) throw new Error(`the mission's file does not read: ${decoded.reason}`)
  return {
    folder,
    officePath,
    datasetId,
    mission: missionId,
    fileName: fileName ?? '',
    changes: decoded.file.changes,
    ids: { euId: world.euId, usdId: world.usdId, archivedId: old.id, untiedId: world.untiedId },
  }
}

/** What the mission does on its copy before it syncs. */
export type MissionWork = (mission: TestApp, world: SharingWorld, salaryId: string) => Promise<void>

/** The salary changed to 50/50, and April's rent shared 70/30 between the EU and USD actions. */
const splitsAgain: MissionWork = async (mission, world, salaryId) => {
  await mission.ok('budget.changeExpenseFunds', {
    id: salaryId,
    agreementId: null,
    shares: {
      mode: 'percent',
      rows: [
        { agreementId: world.euId, headingCode: '1', percent: '50' },
        { agreementId: null, percent: '50' },
      ],
    },
    reason: 'Temps réel',
    confirmed: true,
  })
  await mission.ok('budget.addExpense', {
    confirmed: true,
    lineKey: world.lineKey,
    spentOn: '2026-04-30',
    agreementId: null,
    description: 'Loyer d’avril',
    amount: '1500',
    currency: 'EUR',
    shares: {
      mode: 'percent',
      rows: [
        { agreementId: world.euId, headingCode: '2', percent: '70' },
        { agreementId: world.usdId, percent: '30' },
      ],
    },
  })
}

/** What a file's records are made of: the log, the ledger, the expenses and their shares. */
const RECORDS = ['change_log', 'ledger_entries', 'budget_expenses', 'expense_shares'] as const

/**
 * Receives the changes as the mission's file on a fresh copy of the office's file: set aside
 * with its message (naming the file, nothing of its records written — the log, the ledger, the
 * expenses and shares read the same, row for row), or applied and `aimf check` passes.
 */
export async function receive(
  base: Base,
  changes: readonly ChangeRow[],
  n: number,
): Promise<{ outcome: 'aside'; message: string; detail: unknown } | { outcome: 'applied' }> {
  const folder = join(base.folder, `cas-${n}`)
  await mkdir(folder)
  const path = join(folder, 'bureau.sqlite')
  await copyFile(base.officePath, path)
  const file = await DataFile.open(path)
  try {
    const session = createSession(file)
    const share = join(folder, 'partage')
    const missionFolder = join(share, `AIMF-${base.datasetId}`, base.mission)
    await mkdir(missionFolder, { recursive: true })
    const bytes = encodeChangeFile({
      datasetId: base.datasetId,
      replicaId: base.mission,
      schemaVersion: 1,
      changes: [...changes],
    })
    await writeFile(join(missionFolder, base.fileName), bytes)
    const records = async () => {
      const digest = createHash('sha256')
      for (const table of RECORDS) {
        const rows = await sql`SELECT * FROM ${sql.table(table)} ORDER BY rowid`.execute(file.db)
        digest.update(JSON.stringify(rows.rows))
      }
      return digest.digest('hex')
    }
    const before = await records()
    const report = await session.sync.syncFolder(share, 'Bureau')
    const aside = report.skipped[0]
    if (aside) {
      const message = setAsideMessage(aside, (key, params) => translate('fr', key, params))
      expect(message).toContain(base.fileName)
      expect(message).not.toMatch(/\{\{|undefined|Error|at .*\.ts/)
      expect(await records()).toBe(before)
      return { outcome: 'aside', message, detail: aside.detail }
    }
    await file.close()
    const problems = await checkFile(path)
    expect(problems.map((p) => translate('fr', p.key, p.params as Record<string, string>))).toEqual(
      [],
    )
    return { outcome: 'applied' }
  } finally {
    await file.close().catch(() => undefined)
    await rm(folder, { recursive: true, force: true })
  }
}
