import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SavedFile } from '@shared/files/schema'
import type { ReportFormat, ReportJob, ReportRequest } from '@shared/reports/model'
import { call, errorMessage, isCancelled } from '../../lib/api'
import type { Status } from '../../components/StatusMessage'

/**
 * Exports a report: asks where to save it, then follows the job (the PDF is drawn off the main
 * thread) until it is done, failed or cancelled.
 */
export function useReportExport() {
  const { t } = useTranslation()
  const [job, setJob] = useState<ReportJob | null>(null)
  const [status, setStatus] = useState<Status | null>(null)
  const timer = useRef<number | null>(null)
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current)
    },
    [],
  )

  /** Says a file was saved (a report, the IATI file), with its "show in folder" button. */
  const announce = (text: string, saved: SavedFile) => setStatus({ ok: true, text, saved })

  const follow = (current: ReportJob) => {
    setJob(current)
    if (current.state === 'running') {
      timer.current = window.setTimeout(() => {
        call('reports.progress', { jobId: current.jobId }).then(follow, (error: unknown) => {
          setJob(null)
          setStatus({ ok: false, text: errorMessage(error, t('errors.INTERNAL')) })
        })
      }, 150)
      return
    }
    setJob(null)
    if (current.state === 'done' && current.result) {
      announce(t('reporting.exported', { path: current.result.path }), current.result)
    } else if (current.state === 'cancelled') {
      setStatus({ ok: true, text: t('reporting.cancelledExport') })
    } else {
      setStatus({ ok: false, text: current.failure ?? t('errors.INTERNAL') })
    }
  }

  const start = async (request: ReportRequest, format: ReportFormat) => {
    setStatus(null)
    try {
      follow(await call('reports.begin', { request, format }))
    } catch (error) {
      if (!isCancelled(error))
        setStatus({ ok: false, text: errorMessage(error, t('errors.INTERNAL')) })
    }
  }
  const cancel = async () => {
    if (job) await call('reports.cancel', { jobId: job.jobId })
  }
  return {
    job,
    status,
    clearStatus: () => setStatus(null),
    start,
    cancel,
    announce,
  }
}
