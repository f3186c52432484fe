/**
 * Runs inside a mount namespace where the file's folder is mounted read-only (see
 * read-only-folder.test.ts): reports what the user would be told on opening the file and on
 * creating one there, and that the process is still running.
 */
import { join, dirname } from 'node:path'
import { DataFile } from '../../electron/main/db/data-file'
import { AppFailure, formatParams } from '../../electron/main/failure'
import { translate } from '@shared/i18n/translate'

const path = process.argv[2] ?? ''
async function attempt(name: string, run: () => Promise<DataFile>) {
  try {
    const file = await run()
    await file.close()
    process.stdout.write(`${name} OPENED\n`)
  } catch (error) {
    if (error instanceof AppFailure) {
      process.stdout.write(
        `${name} FAIL ${error.code} ${translate('fr', error.key, formatParams(error.params, 'fr'))}\n`,
      )
    } else {
      process.stdout.write(`${name} CRASH ${String(error)}\n`)
    }
  }
}
await attempt('OPEN', () => DataFile.open(path))
await attempt('CREATE', () => DataFile.create(join(dirname(path), 'nouveau.sqlite')))
process.stdout.write('STILL RUNNING\n')
