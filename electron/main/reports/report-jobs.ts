import { randomUUID } from 'node:crypto'
import { AppFailure } from '../failure'
import type { ReportJob } from '../../../shared/reports/model'

interface Running {
  job: ReportJob
  controller: AbortController
}

/**
 * Exports under way: each runs in the background (the PDF in a worker thread), tells how far it
 * is, and can be cancelled. Finished jobs are kept until read once more.
 */
export class ReportJobs {
  private readonly jobs = new Map<string, Running>()

  start(
    work: (onProgress: (share: number) => void, signal: AbortSignal) => Promise<string>,
    describeFailure: (error: unknown) => string,
  ): ReportJob {
    const jobId = randomUUID()
    const controller = new AbortController()
    const running: Running = {
      job: { jobId, state: 'running', progress: 0, path: null, failure: null },
      controller,
    }
    this.jobs.set(jobId, running)
    work((share) => {
      running.job = { ...running.job, progress: Math.max(running.job.progress, share) }
    }, controller.signal).then(
      (path) => {
        running.job = { ...running.job, state: 'done', progress: 1, path }
      },
      (error: unknown) => {
        const cancelled = error instanceof AppFailure && error.code === 'CANCELLED'
        running.job = {
          ...running.job,
          state: cancelled ? 'cancelled' : 'failed',
          failure: cancelled ? null : describeFailure(error),
        }
      },
    )
    return running.job
  }

  progress(jobId: string): ReportJob {
    const running = this.jobs.get(jobId)
    if (!running) throw new AppFailure('NOT_FOUND')
    if (running.job.state !== 'running') this.jobs.delete(jobId)
    return running.job
  }

  cancel(jobId: string): void {
    this.jobs.get(jobId)?.controller.abort()
  }
}
