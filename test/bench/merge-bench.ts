import { randomUUID } from 'node:crypto'
import { copyFile, mkdir, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { CompiledQuery } from 'kysely'
import { z } from 'zod'
import { createSession } from '../../electron/main/app/create-session'
import { insertRows } from '../../electron/main/changelog/bulk-insert'
import { DataFile } from '../../electron/main/db/data-file'
import { decodeChangeFile } from '../../electron/main/sync/change-file'
import { CHANGE_FILE_NAME } from '../../electron/main/sync/sync-target'
import { missionCopy } from '../../electron/main/sync/sync-service'
import { funderInput } from '@shared/funders/schema'
import { formatHlc } from '@shared/sync/stamps'
import type { StepArguments, StepTimes } from './step-types'

const LOG_COLUMNS = [
  'hlc',
  'tx_id',
  'replica_id',
  'table_name',
  'row_id',
  'column_name',
  'old_value',
  'new_value',
  'author',
  'op',
  'recorded_at',
] as const
type LogRow = Record<(typeof LOG_COLUMNS)[number], string | null>

const ROWS_PER_STATEMENT = 1000

/** Missions of 2,000 changes merged one after the other, each timed beside its floor. */
const MISSIONS = 5

/**
 * Merge speed on the large file (issue 17): a mission's 2,000 changes made through the
 * application (funders' notes and contacts edited), then 200,000 edits of projects, each
 * received by the office in one sync — every change checked, the records settled, the accounts
 * checked after when the changes bear on them. The floor does the same work the most direct way,
 * into another copy of the same file: the same change files read and decoded, then, by raw SQL
 * in one transaction, the change log appended and each record set once to its latest values —
 * nothing checked.
 */
export async function mergeStep({ file, folder }: StepArguments): Promise<StepTimes> {
  const share = join(folder, 'partage')
  await mkdir(share, { recursive: true })
  const officePath = join(folder, 'bureau-20-ans.sqlite')
  await copyFile(file, officePath)
  const office = await DataFile.open(officePath)
  const session = createSession(office)
  await session.sync.syncFolder(share, 'Bureau')
  const missionPath = join(folder, 'mission-20-ans.sqlite')
  const floorPath = join(folder, 'plancher-20-ans.sqlite')
  await missionCopy(office, session.sync, missionPath)
  await missionCopy(office, session.sync, floorPath)

  const mission = await DataFile.open(missionPath)
  const laptop = createSession(mission)
  const floor = await DataFile.open(floorPath)
  const missionFolder = join(
    share,
    `AIMF-${await session.sync.datasetId()}`,
    mission.info().replicaId,
  )
  const read = new Set<string>()
  /** The change files the laptop wrote since the last call, in the order they are merged. */
  const newFiles = async () => {
    const names = (await readdir(missionFolder))
      .filter((name) => CHANGE_FILE_NAME.test(name) && !read.has(name))
      .sort()
    for (const name of names) read.add(name)
    return names.map((name) => join(missionFolder, name))
  }
  const times: StepTimes = {}
  try {
    // A merge of a mission's changes takes some 50 ms, its floor some 20: one run of each was
    // at the mercy of a moment's load on the machine. Measured over several missions, each
    // merged as it comes, their medians compared.
    const rounds: StepTimes[string][] = []
    for (let round = 0; round < MISSIONS; round += 1) {
      const small = await missionWork(mission, laptop, 2000, round)
      rounds.push(
        await measured(small.length, floor, async () => {
          await laptop.sync.syncFolder(share, 'Mission')
          const files = await newFiles()
          const start = performance.now()
          const received = (await session.sync.syncFolder(share, 'Bureau')).received
          return { ms: performance.now() - start, received, files }
        }),
      )
    }
    times.merge2k = {
      ms: rounds.flatMap((r) => r.ms),
      floorMs: rounds.flatMap((r) => r.floorMs ?? []),
      rows: 2000,
    }
    const large = await bulkEdits(mission, 200_000)
    times.merge200k = await measured(large, floor, async () => {
      await laptop.sync.syncFolder(share, 'Mission')
      const files = await newFiles()
      const start = performance.now()
      const report = await session.sync.syncFolder(share, 'Bureau')
      if (report.skipped.length > 0) throw new Error(JSON.stringify(report.skipped[0]))
      return { ms: performance.now() - start, received: report.received, files }
    })
  } finally {
    await mission.close()
    await floor.close()
    await office.close()
  }
  return times
}

async function measured(
  count: number,
  floor: DataFile,
  merge: () => Promise<{ ms: number; received: number; files: string[] }>,
): Promise<StepTimes[string]> {
  const { ms, received, files } = await merge()
  if (received !== count) throw new Error(`the office received ${received} changes of ${count}`)
  const start = performance.now()
  const changes: LogRow[] = []
  for (const path of files) {
    const decoded = decodeChangeFile(await readFile(path))
    if (!decoded.ok) throw new Error(`${path}: ${decoded.reason}`)
    for (const change of decoded.file.changes) changes.push(change)
  }
  if (changes.length !== count) throw new Error(`the files hold ${changes.length} changes`)
  await writeRaw(floor, changes)
  return { ms: [ms], floorMs: [performance.now() - start], rows: received }
}

/** Funders edited on the laptop through the application, two fields at a time (`round`: each mission's own values). */
async function missionWork(
  mission: DataFile,
  laptop: ReturnType<typeof createSession>,
  count: number,
  round: number,
): Promise<LogRow[]> {
  const before = await lastSeq(mission)
  const funders = await laptop.funders.list()
  for (let n = 0, made = 0; made < count; n += 1, made += 2) {
    const funder = funders[n % funders.length]
    if (!funder) break
    await laptop.funders.update(
      funder.id,
      z.object(funderInput.shape).parse({
        ...funder,
        notes: `Vu en mission ${round + 1} (${n})`,
        contactName: `Contact ${round + 1}-${n}`,
      }),
      'Mission',
    )
  }
  return logSince(mission, before)
}

/**
 * The descriptions and objectives of the file's 1,500 projects rewritten, `count` edits in all,
 * written on the laptop as its change log records them (200,000 edits through the forms would
 * take the bench longer than the merge it measures). Stamped after the laptop's last change.
 */
async function bulkEdits(mission: DataFile, count: number): Promise<number> {
  const ids = (await mission.db.selectFrom('projects').select('id').execute()).map((r) => r.id)
  const replica = mission.info().replicaId
  const last = await mission.db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('hlc').as('hlc'))
    .executeTakeFirst()
  const millis = Math.max(Date.now() - 60_000, Date.parse(last?.hlc?.slice(0, 24) ?? '') + 1)
  const at = new Date().toISOString()
  const rows: LogRow[] = Array.from({ length: count }, (_, n) => ({
    hlc: formatHlc({ millis: millis + Math.floor(n / 1000), counter: n % 1000 }, replica),
    tx_id: randomUUID(),
    replica_id: replica,
    table_name: 'projects',
    row_id: ids[n % ids.length] ?? '',
    column_name: n % 2 === 0 ? 'description' : 'objectives',
    old_value: null,
    new_value: JSON.stringify(`Revu en mission (${n})`),
    author: 'Mission',
    op: 'update',
    recorded_at: at,
  }))
  await writeRaw(mission, rows)
  return rows.length
}

/**
 * Changes (updates) written by raw SQL in one transaction: the change log appended, a thousand
 * rows a statement, then each record set once to the latest value of each field it changes.
 */
async function writeRaw(file: DataFile, rows: readonly LogRow[]): Promise<void> {
  // table|column → record → [id, value, when]: the latest change wins (the rows are in order).
  const latest = new Map<string, Map<string, [string, unknown, string | null]>>()
  for (const row of rows) {
    if (row.op !== 'update') throw new Error(`the floor writes updates, not ${row.op}`)
    const key = `${row.table_name}|${row.column_name}`
    const values = latest.get(key) ?? new Map()
    values.set(row.row_id, [row.row_id, JSON.parse(row.new_value ?? 'null'), row.recorded_at])
    latest.set(key, values)
  }
  await file.db.transaction().execute(async (trx) => {
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT)
      await insertRows(
        trx,
        'change_log',
        LOG_COLUMNS,
        chunk.map((row) => LOG_COLUMNS.map((c) => row[c])),
      )
    }
    for (const [key, records] of latest) {
      const [table, column] = key.split('|')
      const values = [...records.values()]
      for (let start = 0; start < values.length; start += ROWS_PER_STATEMENT) {
        await trx.executeQuery(
          CompiledQuery.raw(
            `UPDATE "${table}" SET "${column}" = j.value ->> 1, updated_at = j.value ->> 2
             FROM json_each(?) AS j WHERE "${table}".id = j.value ->> 0`,
            [JSON.stringify(values.slice(start, start + ROWS_PER_STATEMENT))],
          ),
        )
      }
    }
  })
}

async function lastSeq(file: DataFile): Promise<number> {
  const row = await file.db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst()
  return Number(row?.seq ?? 0)
}

async function logSince(file: DataFile, seq: number): Promise<LogRow[]> {
  return file.db
    .selectFrom('change_log')
    .select([...LOG_COLUMNS])
    .where('seq', '>', seq)
    .orderBy('seq')
    .execute() as Promise<LogRow[]>
}
