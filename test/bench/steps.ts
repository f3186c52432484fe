import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createSession } from '../../electron/main/app/create-session'
import { DataFile } from '../../electron/main/db/data-file'
import { generateLargeFile } from '../../electron/main/demo/large-file'
import { buildDemo } from '../../electron/main/demo/build-demo'
import { z } from 'zod'
import { funderInput } from '@shared/funders/schema'
import { missionCopy } from '../../electron/main/sync/sync-service'
import { fundsSummary } from '../../electron/main/funds/ledger'
import { buildReport, writeReport } from '../../electron/main/reports/build-report'
import { writeExportFile } from '../../electron/main/reports/export-file'
import { importWorkbook } from '../../electron/main/workbook/workbook-import'
import { registersWorkbook } from '../../electron/main/workbook/workbook-writer'
import { exportEntries } from '../../electron/main/accounting/entries-export'
import { fillAgreementWith200Projects } from './donor-agreement'
import { mergeStep } from './merge-bench'
import { listExportStep } from './list-export-bench'
import { alternately, median, times } from './timing'
import {
  allRows,
  closeNative,
  openNative,
  OPEN_READONLY,
} from '../../electron/main/db/sqlite-native'
import type { StepArguments, StepTimes } from './step-types'
import {
  agreementSql,
  cellsWorkbookFloor,
  dashboardSql,
  fecFloor,
  importFloor,
  projectListSql,
  registerTablesSql,
  reportPdfFloor,
  reportWorkbookFloor,
  sqlFloor,
  workbookCells,
} from './floors'
import { REGISTERS } from '../../electron/main/workbook/registers'

export type { StepArguments, StepTimes } from './step-types'

const QUERY_RUNS = 9
const REPORT_RUNS = 5

export { median }

async function once(work: () => Promise<unknown>): Promise<number[]> {
  const start = performance.now()
  await work()
  return [performance.now() - start]
}

/** Each step runs in a process of its own, so that its peak memory is its own. */
export const STEPS: Record<string, (args: StepArguments) => Promise<StepTimes>> = {
  async generate({ file, years, seed, lastYear }) {
    const data = await DataFile.create(file)
    try {
      return {
        generate: { ms: await once(() => generateLargeFile(data, { years, seed, lastYear })) },
      }
    } finally {
      await data.close()
    }
  },

  async dashboard({ file, lastYear }) {
    const data = await DataFile.open(file)
    const today = `${lastYear + 1}-06-30`
    const ms = await times(QUERY_RUNS, () => fundsSummary(data.db, lastYear, today))
    await data.close()
    return { dashboard: { ms, floorMs: await sqlFloor(file, dashboardSql(lastYear, today), 9) } }
  },

  async projects({ file }) {
    const data = await DataFile.open(file)
    const session = createSession(data)
    // The country with the most projects under way: the fullest filtered list.
    const all = await session.projects.list({})
    const counts = new Map<string, number>()
    for (const p of all) {
      if (p.status === 'in_progress' && p.country)
        counts.set(p.country, (counts.get(p.country) ?? 0) + 1)
    }
    const [country] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['SN']
    const query = { status: 'in_progress' as const, country: country as 'SN' }
    const ms = await times(QUERY_RUNS, () => session.projects.list(query))
    await data.close()
    return {
      projects: { ms, floorMs: await sqlFloor(file, projectListSql('in_progress', country), 9) },
    }
  },

  async agreement({ file }) {
    const data = await DataFile.open(file)
    const session = createSession(data)
    const busiest = await data.db
      .selectFrom('financing_lines')
      .select('agreement_id')
      .select((eb) => eb.fn.countAll<number>().as('lines'))
      .where('agreement_id', 'is not', null)
      .groupBy('agreement_id')
      .orderBy('lines', 'desc')
      .executeTakeFirstOrThrow()
    const id = busiest.agreement_id ?? ''
    const ms = await times(QUERY_RUNS, () => session.agreements.get(id))
    await data.close()
    return { agreement: { ms, floorMs: await sqlFloor(file, agreementSql(id), 9) } }
  },

  async donor({ folder }) {
    const data = await DataFile.create(join(folder, 'donor.sqlite'))
    const session = createSession(data)
    const agreementId = await data.fill(() => fillAgreementWith200Projects(session))
    const request = {
      kind: 'donor' as const,
      agreementId,
      versionId: null,
      year: null,
      from: '2025-01-01',
      to: '2026-12-31',
      language: null,
    }
    // The figures are gathered from the ledger once per export, for the floor as for us: what
    // differs is the writing.
    const build = median(await times(REPORT_RUNS, () => buildReport(session, request, 'fr')))
    const report = await buildReport(session, request, 'fr')
    const plusBuild = (all: number[]) => all.map((ms) => ms + build)
    // The workbook beside its floor, alternately: both write with exceljs's streaming writer,
    // which the first to run would warm up for the other. (The PDF is drawn in a worker of its
    // own, its floor in this thread: they share nothing to warm.)
    const { ms: xlsx, floorMs: xlsxFloor } = await alternately(
      REPORT_RUNS,
      () => writeReport(report, 'xlsx', join(folder, 'donor.xlsx')),
      () => reportWorkbookFloor(report, join(folder, 'floor.xlsx')),
    )
    const pdf = await times(REPORT_RUNS, () =>
      writeReport(report, 'pdf', join(folder, 'donor.pdf')),
    )
    const pdfFloor = await times(REPORT_RUNS, () => reportPdfFloor(report))
    await data.close()
    return {
      donorXlsx: { ms: plusBuild(xlsx), floorMs: plusBuild(xlsxFloor) },
      donorPdf: { ms: plusBuild(pdf), floorMs: plusBuild(pdfFloor) },
    }
  },

  async export({ file, folder }) {
    const data = await DataFile.open(file)
    const session = createSession(data)
    const target = join(folder, 'export.xlsx')
    const ms = await times(3, async () =>
      writeExportFile(target, await registersWorkbook(REGISTERS, 'fr', session)),
    )
    await data.close()
    return { export: { ms } }
  },

  /** The export's floor: the same tables read by raw SQL, then the same cells streamed. */
  async exportFloor({ file, folder }) {
    const read = median(await sqlFloor(file, registerTablesSql(), 3))
    const cells = await workbookCells(join(folder, 'export.xlsx'))
    const write = await times(3, () => cellsWorkbookFloor(cells, join(folder, 'floor.xlsx')))
    return { exportFloor: { ms: write.map((ms) => ms + read) } }
  },

  /**
   * Opening in the running application: from the open call (the fast check) to the year's
   * dashboard figures, the modules already loaded — the wait of a user who opens a file from
   * the window. Its floor, timed the same way in the same process: the file opened by the raw
   * sqlite3 binding and the dashboard's one query run. Alternated, the first of each left out
   * (it reads the file from disk); the background check is let finish between runs.
   */
  async openInProcess({ file, lastYear }) {
    const today = new Date().toISOString().slice(0, 10)
    const ms: number[] = []
    const floorMs: number[] = []
    for (let i = 0; i < 8; i += 1) {
      let start = performance.now()
      const data = await DataFile.open(file, { quickly: true })
      await fundsSummary(data.db, lastYear, today)
      const app = performance.now() - start
      await data.checked()
      await data.close()
      start = performance.now()
      const db = await openNative(file, OPEN_READONLY)
      for (const statement of dashboardSql(lastYear, today)) await allRows(db, statement)
      const floor = performance.now() - start
      await closeNative(db)
      if (i > 0) {
        ms.push(app)
        floorMs.push(floor)
      }
    }
    return { openInProcess: { ms, floorMs } }
  },

  /** The export of the smaller file: the workbook of about 50,000 rows. */
  async rowsExport({ rowsFile, folder }) {
    const data = await DataFile.open(rowsFile)
    const session = createSession(data)
    const target = join(folder, 'rows.xlsx')
    const ms = await times(3, async () =>
      writeExportFile(target, await registersWorkbook(REGISTERS, 'fr', session)),
    )
    await data.close()
    return { rowsExport: { ms } }
  },

  /** That workbook read, checked and imported into an empty file. */
  async import({ folder }) {
    // A file of its own: the import is measured several times over the same folder.
    const data = await DataFile.create(join(folder, `imported-${process.pid}.sqlite`))
    const session = createSession(data)
    let rows = 0
    const ms = await once(async () => {
      const report = await importWorkbook(session, join(folder, 'rows.xlsx'), {
        dryRun: false,
        author: 'Banc d’essai',
        language: 'fr',
        registers: REGISTERS,
      })
      if (!report.imported) {
        throw new Error(`The export does not import: ${JSON.stringify(report.problems)}`)
      }
      rows = report.sheets.reduce((sum, sheet) => sum + sheet.rows, 0)
    })
    await data.close()
    return { import: { ms, rows } }
  },

  /** The import's floor (floors.ts): the same workbook streamed, its rows inserted raw. */
  async importFloor({ folder }) {
    const runs: number[] = []
    for (let i = 0; i < 3; i += 1) {
      const target = join(folder, `import-floor-${i}.sqlite`)
      // Into an empty file each time: the floor may be run again in the same folder (by the
      // application's Node after this one's).
      for (const file of [target, `${target}-wal`, `${target}-shm`]) await rm(file, { force: true })
      runs.push(await importFloor(join(folder, 'rows.xlsx'), target))
    }
    return { importFloor: { ms: runs } }
  },

  /**
   * Sync: the demo file's first sync (its whole history written to the folder), then a mission
   * copy's 2,000 changes merged back into it.
   */
  async sync({ folder }) {
    const share = join(folder, 'partage')
    await mkdir(share, { recursive: true })
    const office = await DataFile.create(join(folder, 'bureau.sqlite'))
    await office.fill(() => buildDemo(office))
    const session = createSession(office)
    const first = await once(() => session.sync.syncFolder(share, 'Banc d’essai'))
    await missionCopy(office, session.sync, join(folder, 'mission.sqlite'))
    const mission = await DataFile.open(join(folder, 'mission.sqlite'))
    const laptop = createSession(mission)
    const funders = await laptop.funders.list()
    let changes = 0
    for (let n = 0; changes < 2000; n += 1) {
      const funder = funders[n % funders.length]
      if (!funder) break
      await laptop.funders.update(
        funder.id,
        // The funder's own fields (the list's other columns dropped), two of them changed.
        z.object(funderInput.shape).parse({
          ...funder,
          notes: `Vu en mission (${n})`,
          contactName: `Contact ${n}`,
        }),
        'Mission',
      )
      changes += 2
    }
    await laptop.sync.syncFolder(share, 'Mission')
    await mission.close()
    let received = 0
    const merge = await once(async () => {
      received = (await session.sync.syncFolder(share, 'Banc d’essai')).received
    })
    await office.close()
    return { syncFirst: { ms: first }, syncMerge: { ms: merge, rows: received } }
  },

  /** The FEC of the last full year: its books derived from the ledger, encoded and written. */
  async fec({ file, folder, lastYear }) {
    const data = await DataFile.open(file)
    const target = join(folder, 'fec.txt')
    let lines = 0
    const ms = await times(3, async () => {
      const result = await exportEntries(data.db, lastYear, 'fec', {
        today: `${lastYear + 1}-06-30`,
        language: 'fr',
      })
      await writeExportFile(target, result.bytes)
      lines = result.lines
    })
    await data.close()
    const floorMs = await fecFloor(file, lastYear, lines, join(folder, 'fec-floor.txt'), 3)
    return { fec: { ms, floorMs, rows: lines } }
  },
  /** A mission's 2,000 changes, then 200,000, merged into the large file (merge-bench.ts). */
  merge: mergeStep,
  /** A list of 50,000 rows as the page sends it, written to Excel (list-export-bench.ts). */
  listExport: listExportStep,

  async longPdf({ file, folder, lastYear, years }) {
    const data = await DataFile.open(file)
    const session = createSession(data)
    const report = await buildReport(
      session,
      {
        kind: 'projects',
        agreementId: null,
        versionId: null,
        year: null,
        from: `${lastYear - years + 1}-01-01`,
        to: `${lastYear}-12-31`,
        language: null,
      },
      'fr',
    )
    const stalls = monitorEventLoopDelay({ resolution: 5 })
    const target = join(folder, 'projects.pdf')
    stalls.enable()
    const ms = await once(() => writeReport(report, 'pdf', target))
    stalls.disable()
    await data.close()
    const { readFile } = await import('node:fs/promises')
    const pages = (await readFile(target, 'latin1')).match(/\/Type\s*\/Page[^s]/g)?.length ?? 0
    return { longPdf: { ms: [stalls.max / 1e6], pages }, longPdfTime: { ms } }
  },
}
