import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Job } from '@shared/jobs/schema'
import type { WorkbookReport } from '@shared/workbook/schema'
import type { TestApp } from './core'

// The workbook tests' set-up: workbooks typed as a user would type them, and imports followed
// as the window follows them, on the test's app.

/** A workbook with the given sheets, each a heading row then rows, as a user would type them. */
export async function workbook(
  app: TestApp,
  sheets: Record<string, (string | number | Date | null)[][]>,
) {
  const book = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name)
    for (const row of rows) sheet.addRow(row)
  }
  const path = join(app.folder, `import-${Object.keys(sheets).join('-')}.xlsx`)
  await writeFile(path, Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer))
  return path
}

/** Imports a workbook as the window does: starts the job and follows it to its end. */
export async function importJob(app: TestApp, path: string): Promise<Job<WorkbookReport>> {
  let job = await app.ok('workbook.import', { file: app.core.files.grant(path, 'import-workbook') })
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20))
    job = await app.ok('workbook.progress', { jobId: job.jobId })
  }
  return job
}

/** The report of the window's check (a dry run) of the workbook the host hands over. */
export async function checkedReport(app: TestApp): Promise<WorkbookReport> {
  let job = (await app.ok('workbook.check', {})).job
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20))
    job = await app.ok('workbook.progress', { jobId: job.jobId })
  }
  if (job.state !== 'done' || !job.result) throw new Error(`check ${job.state}: ${job.failure}`)
  return job.result
}

/** The report of an import that ran to its end. */
export async function imported(app: TestApp, path: string): Promise<WorkbookReport> {
  const job = await importJob(app, path)
  if (job.state !== 'done' || !job.result) throw new Error(`import ${job.state}: ${job.failure}`)
  return job.result
}

export const MEMBERS_HEADING = [
  'Code',
  'Type',
  'Nom',
  'Pays',
  'Population',
  'Membre depuis le',
  'Statut',
]

/** Counts that change with any import: records of a few registers and the change log. */
export async function fileDigest(app: TestApp) {
  const session = app.core.requireSession()
  const db = session.file.db
  const counts = await Promise.all(
    (['funders', 'members', 'exchange_rates', 'change_log'] as const).map(async (table) =>
      Number(
        (await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
      ),
    ),
  )
  return counts.join('/')
}
