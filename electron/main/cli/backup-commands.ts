import { copyFile, mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { BackupService, replaceWithBackup } from '../backup/backup-service'
import { DataFile } from '../db/data-file'
import type { Language } from '../../../shared/i18n/locale'
import { translate } from '../../../shared/i18n/translate'

/**
 * `aimf backup FILE [--to DIR]`, `aimf backups FILE`, `aimf restore FILE BACKUP`: the same
 * verified backups as the application, for support and scheduled tasks.
 */
export async function backupCommand(
  command: 'backup' | 'backups' | 'restore',
  path: string,
  backupName: string | undefined,
  to: string | undefined,
  language: Language,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  if (command === 'restore' && !backupName) {
    err(translate(language, 'cli.missingBackup'))
    return 2
  }
  const file = await DataFile.open(path)
  let closed = false
  try {
    const backups = new BackupService(file)
    if (command === 'backups') {
      for (const b of await backups.list()) {
        out(
          `${b.takenAt}  ${translate(language, `backups.triggers.${b.trigger}`).padEnd(20)}  ${String(b.size).padStart(12)}  ${b.name}`,
        )
      }
      return 0
    }
    if (command === 'backup') {
      const made = await backups.create('manual')
      let where = join(backups.folder(), made.name)
      if (to) {
        await mkdir(resolve(to), { recursive: true })
        where = join(resolve(to), made.name)
        await copyFile(join(backups.folder(), made.name), where)
      }
      out(translate(language, 'cli.backedUp', { path: where }))
      return 0
    }
    const source = await backups.pathOf(backupName ?? '')
    const before = await backups.create('restore')
    closed = true
    await file.close()
    await replaceWithBackup(path, source)
    out(translate(language, 'cli.restored', { backup: backupName ?? '', before: before.name }))
    return 0
  } finally {
    if (!closed) await file.close()
  }
}
