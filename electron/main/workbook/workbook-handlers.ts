import { BackgroundJobs, failureMessage } from '../app/background-jobs'
import { AppFailure } from '../failure'
import type { WorkbookReport } from '@shared/workbook/schema'
import type { HandlerFactory } from '../ipc/handler'
import { writeExportFile } from '../reports/export-file'
import { today } from '@shared/validation/dates'
import { registersWorkbook } from './workbook-writer'

export const workbookHandlers: HandlerFactory<'workbook'> = (core) => {
  const jobs = new BackgroundJobs<WorkbookReport>()
  const saveAs = async (name: string, content: () => Promise<Buffer>) => {
    const path = await core.host.chooseExportPath(core.language(), name)
    if (!path) throw new AppFailure('CANCELLED')
    await writeExportFile(path, await content())
    return core.saved(path)
  }
  return {
    'workbook.template': async () =>
      saveAs('AIMF-modele-import.xlsx', () => registersWorkbook(core.registers, core.language())),
    'workbook.export': async () => {
      const session = core.requireSession()
      return saveAs(`AIMF-export-${today()}.xlsx`, () =>
        registersWorkbook(core.registers, core.language(), session),
      )
    },
    // The check is the import itself, rolled back at its end: as long as the import, and so
    // a job of its own, with its progress and its cancel button.
    'workbook.check': async () => {
      const path = await core.host.chooseDocument(core.language())
      if (!path) throw new AppFailure('CANCELLED')
      const job = jobs.start(
        (onProgress, signal) => core.importWorkbook(path, true, { onProgress, signal }),
        (error) => failureMessage(error, core.language()),
      )
      // Only the workbook the user chose here can then be imported, into this same file.
      return { path, file: core.files.grant(path, 'import-workbook'), job }
    },
    'workbook.import': async ({ file }) => {
      const path = core.fileFor('workbook.import', file)
      return jobs.start(
        (onProgress, signal) => core.importWorkbook(path, false, { onProgress, signal }),
        (error) => failureMessage(error, core.language()),
      )
    },
    'workbook.progress': async ({ jobId }) => jobs.progress(jobId),
    'workbook.cancel': async ({ jobId }) => {
      jobs.cancel(jobId)
      return null
    },
  }
}
