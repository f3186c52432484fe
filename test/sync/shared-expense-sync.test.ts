import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
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
import { sharedSalary, sharingWorld } from '../budget/cost-sharing-setup'
import { startTestApp } from '../support/core'
import { found } from '../support/found'
import { tempFolder } from '../support/temp'
import { randomFrom, type Random } from '../workbook/mutants'
import { joinTarget } from './sync-targets'

/** Mutations of the mission's change file drawn. */
const CASES = Number(process.env.SHARE_CASES ?? 300)

interface Base {
  folder: string
  officePath: string
  datasetId: string
  mission: string
  fileName: string
  changes: ChangeRow[]
  ids: { euId: string; usdId: string; archivedId: string; untiedId: string }
}
let base: Base

/**
 * The office: the cost-sharing world, its 60/40 salary, an agreement archived. The mission
 * laptop, on a copy, changes the salary to 50/50 and records a new expense shared 70/30 between
 * the EU action's heading 2 and the USD action, then syncs: its change file is what the cases
 * start from.
 */
beforeAll(async () => {
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
  await mission.ok('budget.changeExpenseFunds', {
    id: salary.id,
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
  await mission.ok('sync.now', {})
  await mission.core.dispose()
  const missionFolder = join(share, `AIMF-${datasetId}`, missionId)
  const [fileName] = await readdir(missionFolder)
  const decoded = decodeChangeFile(await readFile(join(missionFolder, fileName ?? '')))
  if (!decoded.ok) throw new Error(`the mission's file does not read: ${decoded.reason}`)
  base = {
    folder,
    officePath,
    datasetId,
    mission: missionId,
    fileName: fileName ?? '',
    changes: decoded.file.changes,
    ids: { euId: world.euId, usdId: world.usdId, archivedId: old.id, untiedId: world.untiedId },
  }
}, 180_000)

/**
 * Receives the changes as the mission's file on a fresh copy of the office's file: set aside
 * with its message (naming the file, nothing of it written), or applied and `aimf check` passes.
 */
async function receive(
  changes: readonly ChangeRow[],
  n: number,
): Promise<{ outcome: 'aside'; message: string } | { outcome: 'applied' }> {
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
    const logged = async () =>
      Number(
        (await sql<{ n: number }>`SELECT count(*) AS n FROM change_log`.execute(file.db)).rows[0]
          ?.n,
      )
    const before = await logged()
    const report = await session.sync.syncFolder(share, 'Bureau')
    const aside = report.skipped[0]
    if (aside) {
      const message = setAsideMessage(aside, (key, params) => translate('fr', key, params))
      expect(message).toContain(base.fileName)
      expect(message).not.toMatch(/\{\{|undefined|Error|at .*\.ts/)
      expect(await logged()).toBe(before)
      return { outcome: 'aside', message }
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

const isShare = (c: ChangeRow) => c.table_name === 'expense_shares' && c.column_name === '*'
const valueOf = (c: ChangeRow) => JSON.parse(c.new_value ?? '{}') as Record<string, unknown>
function withValue(c: ChangeRow, patch: Record<string, unknown>): ChangeRow {
  return { ...c, new_value: JSON.stringify({ ...valueOf(c), ...patch }) }
}

/** One change of the shares' rows of the file, as a hostile or broken copy would write it. */
function mutate(random: Random, changes: readonly ChangeRow[]): ChangeRow[] {
  const copy = changes.map((c) => ({ ...c }))
  const shares = copy.flatMap((c, i) => (isShare(c) ? [i] : []))
  const at = random.pick(shares)
  const share = copy[at] as ChangeRow
  const { euId, usdId, archivedId } = base.ids
  const kind = random.below(9)
  switch (kind) {
    case 0:
      copy[at] = withValue(share, { heading_code: random.pick(['9', 'X', '', '1 ', '8']) })
      break
    case 1:
      copy[at] = withValue(share, {
        agreement_id: random.pick([archivedId, '0190aaaa-0000-7000-8000-000000000000']),
      })
      break
    case 2:
      copy[at] = withValue(share, {
        amount_minor: Number(valueOf(share).amount_minor) + random.pick([1, -1, 100, 7]),
      })
      break
    case 3:
      copy[at] = withValue(share, {
        eur_minor: Number(valueOf(share).eur_minor) + random.pick([1, -1, 50]),
      })
      break
    case 4:
      copy[at] = withValue(share, { percent_bp: random.pick([1, 4999, 5001, 9999, 10_000]) })
      break
    case 5:
      // A share and its entry left out: the others no longer make the expense.
      return copy.filter(
        (c, i) =>
          i !== at && !(c.table_name === 'ledger_entries' && valueOf(c).use_id === share.row_id),
      )
    case 6:
      copy[at] = withValue(share, {
        agreement_id: valueOf(share).agreement_id == null ? euId : null,
        heading_code: valueOf(share).agreement_id == null ? '1' : null,
      })
      break
    case 7:
      copy[at] = withValue(share, { agreement_id: usdId, heading_code: random.pick([null, '1']) })
      break
    default:
      // A share archived without its entry reversed, or an old share's archive left out.
      return copy.filter(
        (c) =>
          !(
            c.table_name === 'ledger_entries' &&
            valueOf(c).reverses_id != null &&
            valueOf(c).use_id ===
              random.pick(
                copy.filter((x) => x.table_name === 'expense_shares').map((x) => x.row_id),
              )
          ),
      )
  }
  return copy
}

describe('shares in change files (issue 27)', () => {
  it('the mission’s change of a split and its new shared expense merge, and the office checks', async () => {
    expect(base.changes.filter(isShare)).toHaveLength(4)
    expect(
      base.changes.filter((c) => c.table_name === 'expense_shares' && c.op === 'delete'),
    ).toHaveLength(2)
    expect(await receive(base.changes, 0)).toEqual({ outcome: 'applied' })
  })

  it('a share on an unknown or archived agreement, on a heading its fund does not have, or shares not making their expense: set aside with the share named', async () => {
    const first = base.changes.findIndex((c) => isShare(c) && valueOf(c).agreement_id != null)
    const untied = base.changes.findIndex((c) => isShare(c) && valueOf(c).agreement_id == null)
    const cases: [string, (c: ChangeRow[]) => void, RegExp][] = [
      [
        'unknown heading',
        (c) => (c[first] = withValue(c[first] as ChangeRow, { heading_code: '9' })),
        /rubrique « 9 »/,
      ],
      [
        'heading on the untied fund',
        (c) => (c[untied] = withValue(c[untied] as ChangeRow, { heading_code: '1' })),
        /rubrique « 1 »/,
      ],
      [
        'archived agreement',
        (c) => (c[first] = withValue(c[first] as ChangeRow, { agreement_id: base.ids.archivedId })),
        /ANCIENNE-2026, archivée/,
      ],
      [
        'one cent more',
        (c) =>
          (c[first] = withValue(c[first] as ChangeRow, {
            amount_minor: Number(valueOf(c[first] as ChangeRow).amount_minor) + 1,
          })),
        /ne font pas la dépense/,
      ],
      [
        'one euro cent more',
        (c) =>
          (c[untied] = withValue(c[untied] as ChangeRow, {
            eur_minor: Number(valueOf(c[untied] as ChangeRow).eur_minor) + 1,
          })),
        /./,
      ],
    ]
    for (const [n, [label, change, message]] of cases.entries()) {
      const changes = base.changes.map((c) => ({ ...c }))
      change(changes)
      const result = await receive(changes, 100 + n)
      expect(result.outcome, label).toBe('aside')
      if (result.outcome === 'aside') expect(result.message, label).toMatch(message)
    }
  }, 300_000)

  it(`${CASES} drawn mutations of the shares: set aside with a message, or merged and the office checks`, async () => {
    const random = randomFrom(2027)
    const outcomes = { aside: 0, applied: 0 }
    for (let n = 0; n < CASES; n += 1) {
      const result = await receive(mutate(random, base.changes), 1000 + n)
      outcomes[result.outcome] += 1
    }
    expect(outcomes.aside).toBeGreaterThan(CASES / 2)
  }, 900_000)
})
