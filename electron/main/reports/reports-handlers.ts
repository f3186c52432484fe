import { BackgroundJobs, failureMessage } from '../app/background-jobs'
import { AppFailure } from '../failure'
import type { HandlerFactory } from '../ipc/handler'
import { iatiActivities } from '../iati/iati-activities'
import { today } from '@shared/validation/dates'
import { buildReport, reportFileName, writeReport } from './build-report'
import { writeExportFile } from './export-file'
import { listReport } from './list-report'
import { reportWorkbook } from './report-xlsx'
import type { SavedFile } from '@shared/files/schema'

export const reportsHandlers: HandlerFactory<'reports'> = (core) => {
  const jobs = new BackgroundJobs<SavedFile>()
  return {
    'reports.preview': async (request) =>
      buildReport(core.requireSession(), request, core.language()),
    'reports.begin': async ({ request, format }) => {
      const session = core.requireSession()
      const report = await buildReport(session, request, core.language())
      const path = await core.host.chooseExportPath(core.language(), reportFileName(report, format))
      if (!path) throw new AppFailure('CANCELLED')
      return jobs.start(
        async (onProgress, signal) => {
          await writeReport(report, format, path, { onProgress, signal })
          return core.saved(path)
        },
        (error) => failureMessage(error, core.language()),
      )
    },
    'reports.progress': async ({ jobId }) => jobs.progress(jobId),
    'reports.cancel': async ({ jobId }) => {
      jobs.cancel(jobId)
      return null
    },
    'reports.iati': async () => {
      const session = core.requireSession()
      const path = await core.host.chooseExportPath(core.language(), `AIMF-IATI-${today()}.xml`)
      if (!path) throw new AppFailure('CANCELLED')
      await writeExportFile(path, await iatiActivities(session))
      return core.saved(path)
    },
    'reports.list': async (list) => {
      const report = await listReport(core.requireSession(), list, core.language())
      const path = await core.host.chooseExportPath(core.language(), reportFileName(report, 'xlsx'))
      if (!path) throw new AppFailure('CANCELLED')
      await writeExportFile(path, await reportWorkbook(report))
      return core.saved(path)
    },
  }
}
