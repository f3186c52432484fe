import { performance } from 'node:perf_hooks'
import { DataFile } from '../db/data-file'
import { generateLargeFile } from '../demo/large-file'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'

/**
 * `aimf generate FILE [--years 20] [--seed N]`: a new file with a large, realistic history for
 * the benchmark. Its history ends with the last complete year, so that no date lies ahead.
 */
export async function generateCommand(
  path: string,
  options: { years: number; seed: number },
  language: Language,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const started = performance.now()
  const file = await DataFile.create(path)
  let lastLine = ''
  try {
    const counts = await generateLargeFile(file, {
      ...options,
      lastYear: new Date().getFullYear() - 1,
      onProgress: (part, done, total) => {
        const line = translate(language, 'cli.generateProgress', {
          part: translate(language, `cli.generatePart.${part}`),
          done,
          total,
        })
        // One line per tenth of a part is enough to see it move.
        if (
          line !== lastLine &&
          (done % Math.max(1, Math.round(total / 10)) === 0 || done === total)
        ) {
          err(line)
          lastLine = line
        }
      },
    })
    out(
      translate(language, 'cli.generated', {
        ...counts,
        seconds: ((performance.now() - started) / 1000).toFixed(1),
        path,
      }),
    )
    return 0
  } finally {
    await file.close()
  }
}
