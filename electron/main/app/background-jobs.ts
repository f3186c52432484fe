import { randomUUID } from 'node:crypto'
import { AppFailure, toAppError } from '../failure'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import type { Job } from '@shared/jobs/schema'

interface Running<Result> {
  job: Job<Result>
  controller: AbortController
}

/**
 * Work under way in the background (an export drawn in a worker, an import): each tells how far
 * it is and can be cancelled — the work is handed an AbortSignal and stops with CANCELLED.
 * A finished job is kept until it has been read once more.
 */
export class BackgroundJobs<Result> {
  private readonly jobs = new Map<string, Running<Result>>()

  start(
    work: (onProgress: (share: number) => void, signal: AbortSignal) => Promise<Result>,
    describeFailure: (error: unknown) => string,
  ): Job<Result> {
    const jobId = randomUUID()
    const controller = new AbortController()
    const running: Running<Result> = {
      job: { jobId, state: 'running', progress: 0, result: null, failure: null },
      controller,
    }
    this.jobs.set(jobId, running)
    work((share) => {
      running.job = { ...running.job, progress: Math.max(running.job.progress, share) }
    }, controller.signal).then(
      (result) => {
        running.job = { ...running.job, state: 'done', progress: 1, result }
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

  progress(jobId: string): Job<Result> {
    const running = this.jobs.get(jobId)
    if (!running) throw new AppFailure('NOT_FOUND')
    if (running.job.state !== 'running') this.jobs.delete(jobId)
    return running.job
  }

  cancel(jobId: string): void {
    this.jobs.get(jobId)?.controller.abort()
  }
}

/** What a failed job says: the core's refusal in the user's language, or a generic message. */
export function failureMessage(error: unknown, language: Language): string {
  if (error instanceof AppFailure) return toAppError(error, language).message
  console.error(error)
  return translate(language, 'errors.INTERNAL')
}
