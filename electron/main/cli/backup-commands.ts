import { copyFile, rm, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { BackupService, backupsOfClosedFile } from '../backup/backup-service'
import { backupFolderOf } from '../backup/backup-names'
import { assertMayRestore, checkBackup, kinshipOf, restoreInto } from '../backup/restore'
import { checkFile } from '../check/file-check'
import { DataFile } from '../db/data-file'
import type { FileIdentity } from '../db/file-identity'
import { readIdentityOf } from '../db/identity'
import { verifyIntegrity } from '../db/read-only'
import { AppFailure, formatParams } from '../failure'
import { writeAtomically } from '../files/atomic-file'
import { asFileFailure } from '../files/file-failure'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import { formatSize } from '@shared/i18n/format-size'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import type { MessageParams } from '@shared/i18n/translate'

type Say = (line: string) => void

export interface BackupOptions {
  /** `backup --to DIR`: a verified copy of the new backup there too (a USB stick). */
  to?: string
  /** `restore --force`: put another file's backup in place of this one. */
  force: boolean
  /** `backups --delete NAME`: remove one of the file's backups. */
  delete?: string
}

/**
 * `aimf backup FILE [--to DIR]`, `aimf backups FILE [--delete NAME]`,
 * `aimf restore FILE BACKUP [--force]`: the
 * same verified backups as the application, for support and scheduled tasks. `backups` and
 * `restore` work on a damaged file (found by its identity, read without writing to it); BACKUP
 * is a name from `aimf backups` or the path of any backup (a copy made with `--to`).
 */
export async function backupCommand(
  command: 'backup' | 'backups' | 'restore',
  path: string,
  backupArgument: string | undefined,
  options: BackupOptions,
  language: Language,
  out: Say,
  err: Say,
): Promise<number> {
  const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params)
  if (command === 'backup') return backUp(path, options.to, t, out)
  if (command === 'backups') return listBackups(path, options.delete, language, t, out, err)
  if (!backupArgument) {
    err(t('cli.missingBackup'))
    return 2
  }
  try {
    return await restore(path, backupArgument, options.force, t, out)
  } catch (error) {
    if (!(error instanceof AppFailure && error.code === 'CONFLICT')) throw error
    err(t(error.key, formatParams(error.params, language)))
    err(t('cli.restoreForce'))
    return 2
  }
}

/**
 * `aimf backups FILE [--delete NAME]`: the file's own backups (found by its identity, even when
 * it is damaged), with how long each is kept; `--delete` removes one of them — only a name of
 * that list, never a path — as Paramètres → Sauvegardes does (a manual backup stays until then).
 */
async function listBackups(
  path: string,
  toDelete: string | undefined,
  language: Language,
  t: (key: MessageKey, params?: MessageParams) => string,
  out: Say,
  err: Say,
): Promise<number> {
  const identity = await readIdentityOf(path)
  if (!identity) err(t('cli.backupsUnidentified', { path }))
  let backups = await backupsOfClosedFile(path, identity, [])
  if (toDelete !== undefined) {
    const doomed = backups.find((b) => b.name === toDelete)
    if (!doomed) throw new AppFailure('NOT_FOUND', 'errors.backupNotFound', { name: toDelete })
    const where = join(doomed.folder, doomed.name)
    await rm(where).catch((error: unknown) => {
      throw asFileFailure(error, where)
    })
    out(t('cli.backupDeleted', { path: where }))
    backups = backups.filter((b) => b !== doomed)
  }
  if (backups.length === 0) out(t('cli.backupsNone', { path }))
  for (const b of backups) {
    const kind = t(`backups.triggers.${b.trigger}`).padEnd(24)
    const kept = t(`backups.retentions.${b.retention}`).padEnd(32)
    out(`${b.takenAt}  ${kind}  ${kept}  ${formatSize(b.size, language).padStart(9)}  ${b.name}`)
  }
  const total = backups.reduce((sum, b) => sum + b.size, 0)
  if (backups.length > 0)
    out(t('cli.backupsTotal', { count: backups.length, size: formatSize(total, language) }))
  return 0
}

async function backUp(
  path: string,
  to: string | undefined,
  t: (key: MessageKey, params?: MessageParams) => string,
  out: Say,
): Promise<number> {
  const file = await DataFile.open(path)
  try {
    const made = await new BackupService(file).create('manual')
    const where = join(made.folder, made.name)
    out(t('cli.backedUp', { path: where }))
    if (to) {
      const copy = join(resolve(to), made.name)
      await writeAtomically(copy, (temporary) => copyFile(where, temporary), {
        exclusive: true,
        verify: async (temporary) => {
          await verifyIntegrity(temporary, copy)
          if ((await stat(temporary)).size !== made.size)
            throw new AppFailure('FILE_DAMAGED', 'errors.backupIncomplete', { path: copy })
        },
      })
      out(t('cli.backedUpCopy', { path: copy }))
    }
    return 0
  } finally {
    await file.close()
  }
}

/** The file to restore, as it is: open (sound), damaged, or missing. */
type Target =
  | { state: 'open'; file: DataFile; identity: FileIdentity }
  | { state: 'damaged' | 'missing'; identity: FileIdentity | null }

async function targetOf(path: string): Promise<Target> {
  try {
    const file = await DataFile.open(path)
    return { state: 'open', file, identity: await new BackupService(file).identity() }
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error
    if (error.code === 'FILE_DAMAGED')
      return { state: 'damaged', identity: await readIdentityOf(path) }
    if (error.code === 'FILE_NOT_FOUND') return { state: 'missing', identity: null }
    throw error
  }
}

async function restore(
  path: string,
  backupArgument: string,
  force: boolean,
  t: (key: MessageKey, params?: MessageParams) => string,
  out: Say,
): Promise<number> {
  const target = await targetOf(path)
  try {
    const listed = await backupsOfClosedFile(path, target.identity, [])
    const named = listed.find((b) => b.name === backupArgument)
    const source = named ? join(named.folder, named.name) : resolve(backupArgument)
    if (source === path) throw new AppFailure('CONFLICT', 'errors.restoreItself', { path })
    const checked = await checkBackup(source, checkFile)
    const found = kinshipOf(checked, { path, identity: target.identity })
    // A missing file has nothing to protect but its place: the backup's own soundness still counts.
    assertMayRestore(target.state === 'missing' ? 'sameFile' : found, checked, path, force)
    if (found === 'sameDataset') out(t('cli.restoredOtherCopy', { of: checked.content.of ?? '?' }))
    const shown = basename(source)
    if (target.state === 'open') {
      const before = await new BackupService(target.file).create('restore')
      await target.file.close()
      await restoreInto({ path, identity: target.identity }, checked)
      out(t('cli.restored', { backup: shown, before: before.name }))
    } else if (target.state === 'damaged') {
      const keepDamagedIn = backupFolderOf(path)
      const kept = await restoreInto({ path, identity: target.identity, keepDamagedIn }, checked)
      out(t('cli.restoredDamaged', { backup: shown, kept: kept ?? '' }))
    } else {
      await restoreInto({ path, identity: null }, checked)
      out(t('cli.restoredMissing', { backup: shown, path }))
    }
    return 0
  } finally {
    if (target.state === 'open') await target.file.close().catch(() => undefined)
  }
}
