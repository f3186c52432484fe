import { AppFailure } from '../failure'
import { FILE_INFO } from '../db/file-identity'
import { putInfo } from '../db/identity'
import { verifyIntegrity } from '../db/read-only'
import {
  type NativeDatabase,
  OPEN_READWRITE,
  allRows,
  backupTo,
  closeNative,
  exec,
  openNative,
} from '../db/sqlite-native'
import { writeAtomically } from '../files/atomic-file'
import type { BackupTrigger } from '@shared/backup/schema'
import { fingerprint } from './fingerprint'

export interface BackupLabel {
  takenAt: Date
  trigger: BackupTrigger
  /** The path of the file backed up. */
  of: string
}

/**
 * Writes a verified backup of a database to `path` with SQLite's online backup API — never a
 * plain copy of a live file. Kept only once its row counts and ledger totals equal the source's
 * and its integrity check passes; it says in itself when, why and of which file it was taken;
 * it is left in rollback-journal mode, so that opening it (to list or restore it) leaves no -wal
 * or -shm beside it. Never replaces a file: two backups of one millisecond get FILE_EXISTS.
 *
 * `hold` runs the copy and the source's counts with the source's connection held, so that no
 * write lands between them.
 */
export async function writeBackup(
  source: NativeDatabase,
  path: string,
  label: BackupLabel,
  hold: (work: () => Promise<void>) => Promise<void> = (work) => work(),
): Promise<void> {
  await writeAtomically(
    path,
    async (temporary) => {
      let expected = ''
      await hold(async () => {
        await backupTo(source, temporary)
        expected = await fingerprint(source)
      })
      const copy = await openNative(temporary, OPEN_READWRITE)
      try {
        await exec(copy, 'PRAGMA journal_mode = DELETE;')
        if ((await fingerprint(copy)) !== expected) {
          throw new AppFailure('FILE_DAMAGED', 'errors.backupIncomplete', { path })
        }
        // A file older than every migration has no file_info: its copy stays as it was.
        const [labelled] = await allRows(
          copy,
          "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'file_info'",
        )
        if (labelled) {
          await putInfo(copy, {
            [FILE_INFO.backupTakenAt]: label.takenAt.toISOString(),
            [FILE_INFO.backupTrigger]: label.trigger,
            [FILE_INFO.backupOf]: label.of,
          })
        }
      } finally {
        await closeNative(copy)
      }
    },
    { exclusive: true, verify: (temporary) => verifyIntegrity(temporary, path) },
  )
}
