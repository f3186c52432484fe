import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createSession } from '../../electron/main/app/create-session'
import { checkFile } from '../../electron/main/check/file-check'
import { DataFile } from '../../electron/main/db/data-file'
import { type ChangeRow, decodeChangeFile } from '../../electron/main/sync/change-file'
import { funderInput } from '@shared/funders/schema'
import { translate } from '@shared/i18n/translate'
import { setAsideMessage } from '@shared/sync/set-aside-message'
import type { SyncReport } from '@shared/sync/schema'
import { type HostileCase, type Place, targetedCases } from './hostile-cases'
import { randomMutations } from './hostile-mutations'
import { officeAfterMission } from './mission-work'

/** How long one sync may take with a hostile file in the folder: nothing may hang. */
const BOUND_MS = 60_000
const WITNESS_NOTE = 'Vue par le second ordinateur de mission'
const NAMES_TWICE: readonly string[] = [
  'check.duplicateFunder',
  'check.duplicateMemberCode',
  'check.duplicateProjectCode',
  'check.duplicateCallNumber',
]

let base: Awaited<ReturnType<typeof officeAfterMission>>
let real: ChangeRow[]
let witness: { name: string; bytes: Buffer }

beforeAll(async () => {
  base = await officeAfterMission('file')
  const missionFolder = join(base.share, `AIMF-${base.datasetId}`, base.replicas.mission)
  const [name] = await readdir(missionFolder)
  const decoded = decodeChangeFile(await readFile(join(missionFolder, name ?? '')))
  if (!decoded.ok) throw new Error(`the mission's file does not read: ${decoded.reason}`)
  real = decoded.file.changes
  // The second laptop's next ordinary change, which must arrive whatever lies beside it.
  const file = await DataFile.open(base.paths.witness)
  const laptop = createSession(file)
  base.replicas.witness = file.info().replicaId
  const france = (await laptop.funders.list()).find((f) => f.name === 'France')
  if (!france) throw new Error('no France on the laptop')
  const fields = z.object(funderInput.shape).parse({ ...france, notes: WITNESS_NOTE })
  await laptop.funders.update(france.id, fields, 'Témoin')
  const share = join(base.folder, 'partage-temoin')
  await mkdir(share)
  await laptop.sync.syncFolder(share, 'Témoin')
  await file.close()
  const folder = join(share, `AIMF-${base.datasetId}`, base.replicas.witness)
  const [written] = await readdir(folder)
  witness = {
    name: `${base.replicas.witness}/${written ?? ''}`,
    bytes: await readFile(join(folder, written ?? '')),
  }
}, 120_000)

/**
 * Receives one hostile file beside the second laptop's ordinary one, on a fresh copy of the
 * office's file, and checks the promise: within a bound, the file is either set aside
 * with a message naming the copy, the file and the reason — nothing of it written — or applied
 * with the accounts passing `aimf check` (any anomaly a merge may leave is listed under « À
 * vérifier »); the laptop's change arrives either way.
 */
async function receive(hostile: HostileCase, n: number): Promise<'aside' | 'applied'> {
  const folder = join(base.folder, `cas-${n}`)
  await mkdir(folder)
  const path = join(folder, 'bureau.sqlite')
  await copyFile(base.officePath, path)
  const file = await DataFile.open(path)
  try {
    const session = createSession(file)
    const share = join(folder, 'partage')
    const root = join(share, `AIMF-${base.datasetId}`)
    await mkdir(join(root, base.replicas.witness), { recursive: true })
    await writeFile(join(root, witness.name), witness.bytes)
    const at: Place = {
      root,
      datasetId: base.datasetId,
      sender: base.replicas.mission,
      receiver: file.info().replicaId,
      witness: base.replicas.witness,
      changes: structuredClone(real),
    }
    const name = await hostile.place(at)
    const logged = async () =>
      Number(
        (await sql<{ n: number }>`SELECT count(*) AS n FROM change_log`.execute(file.db)).rows[0]
          ?.n,
      )
    const before = await logged()
    const report = await within(session.sync.syncFolder(share, 'Bureau'), hostile.label)
    const applied = (await file.db.selectFrom('sync_files').select('name').execute()).map(
      (f) => f.name,
    )
    expect(applied, hostile.label).toContain(witness.name)
    const france = (await session.funders.list()).find((f) => f.name === 'France')
    expect(france?.notes, hostile.label).toBe(WITNESS_NOTE)

    const aside = report.skipped.find((s) => s.name === name)
    if (aside) {
      const message = setAsideMessage(aside, (key, params) => translate('fr', key, params))
      expect(message, hostile.label).toContain(name)
      expect(message, hostile.label).not.toMatch(/\{\{|undefined|Error|at .*\.ts/)
      if (['refused', 'foreign', 'waiting'].includes(aside.reason)) {
        expect(aside.detail, hostile.label).not.toBeNull()
      }
      // Nothing of it written: only the laptop's one change came in.
      expect(await logged(), hostile.label).toBe(before + 1)
      expect(applied, hostile.label).not.toContain(name)
      return 'aside'
    }
    expect(hostile.setAside, `${hostile.label} was applied`).toBe(false)
    expect(applied, hostile.label).toContain(name)
    const listed = new Set((await session.sync.conflicts()).map((c) => c.detail))
    await file.close()
    for (const problem of await checkFile(path)) {
      // A name or code given twice is what two copies working offline do: kept, and listed.
      // Anything else `aimf check` finds, a file applied alone must not have caused.
      const text = translate('fr', problem.key, plain(problem.params))
      expect(NAMES_TWICE, `${hostile.label}: ${text}`).toContain(problem.key)
      expect(listed, `${hostile.label}: ${text}`).toContain(text)
    }
    return 'applied'
  } finally {
    await file.close().catch(() => undefined)
    await rm(folder, { recursive: true, force: true })
  }
}

async function within(sync: Promise<SyncReport>, label: string): Promise<SyncReport> {
  let timer: NodeJS.Timeout | undefined
  const bound = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new Error(`${label}: the sync took more than ${BOUND_MS} ms`)),
      BOUND_MS,
    )
  })
  try {
    return await Promise.race([sync, bound])
  } finally {
    clearTimeout(timer)
  }
}

function plain(params: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))
}

describe('hostile change files (issue 17)', () => {
  it(
    'sets aside each class the rules refuse, with a message, blocking nothing',
    { timeout: 600_000 },
    async () => {
      const cases = targetedCases()
      expect(cases.length).toBeGreaterThanOrEqual(70)
      for (const [n, hostile] of cases.entries()) {
        expect(await receive(hostile, n), hostile.label).toBe('aside')
      }
    },
  )

  it(
    'applies safely or sets aside 260 random mutations of a real mission’s file',
    { timeout: 600_000 },
    async () => {
      const outcomes = { aside: 0, applied: 0 }
      for (const [n, hostile] of randomMutations(260, 17).entries()) {
        outcomes[await receive(hostile, 1000 + n)] += 1
      }
      // Both outcomes occur: the mutations are neither all refused nor all harmless.
      expect(outcomes.aside).toBeGreaterThan(100)
      expect(outcomes.applied).toBeGreaterThan(10)
    },
  )
})
