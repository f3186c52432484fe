import { z } from 'zod'

/**
 * Work that runs in the background (an export drawn in a worker, an import of many rows): the
 * interface asks how far it is, and may cancel it.
 */
export interface Job<Result> {
  jobId: string
  state: 'running' | 'done' | 'failed' | 'cancelled'
  /** Share done, from 0 to 1. */
  progress: number
  result: Result | null
  /** A message in the user's language when it failed. */
  failure: string | null
}

export const jobInput = z.strictObject({ jobId: z.uuid({ error: 'validation.uuid' }) })
