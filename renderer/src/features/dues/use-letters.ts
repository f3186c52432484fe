import { useState } from 'react'
import type { LetterBatchInput } from '@shared/dues/letters'
import type { SavedFile } from '@shared/files/schema'
import { call, isCancelled } from '../../lib/api'

/**
 * Runs a batch of letters step by step, so that the window shows how far it has come; the
 * user's choice of file or folder is asked by the core when the batch begins.
 */
export function useLetters(
  onDone: (written: SavedFile & { letters: number }) => void,
  onError: (failure: unknown) => void,
) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  async function run(batch: LetterBatchInput) {
    try {
      const job = await call('letters.begin', batch)
      setProgress({ done: 0, total: job.total })
      for (;;) {
        const step = await call('letters.step', { jobId: job.jobId })
        setProgress({ done: step.done, total: step.total })
        if (step.result) {
          onDone(step.result)
          break
        }
      }
    } catch (failure) {
      if (!isCancelled(failure)) onError(failure)
    } finally {
      setProgress(null)
    }
  }
  return { run, progress }
}
