import { copyFile, link, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { AppFailure } from '../failure'
import type { FileCheck } from '../check/check-problem'
import {
  AIMF_APPLICATION_ID,
  FILE_INFO,
  type FileIdentity,
  type Kinship,
  identityFromInfo,
  kinship,
  newIdentity,
} from '../db/file-identity'
import { DataFile } from '../db/data-file'
import { readInfo, settleCopy } from '../db/identity'
import { LATEST_VERSION } from '../db/migrations'
import { exists, lookReadOnly, verifyIntegrity } from '../db/read-only'
import { allRows, sqliteCode } from '../db/sqlite-native'
import { asFileFailure } from '../files/file-failure'
import { syncFolder, writeAtomically } from '../files/atomic-file'
import { BACKUP_TRIGGERS, type BackupTrigger } from '@shared/backup/schema'
import type { BackupContent } from './backup-catalog'
import { backupFileName, parseBackupName } from './backup-names'

/** A file offered as a backup, once checked. */
export interface CheckedBackup {
  path: string
  takenAt: Date
  trigger: BackupTrigger | null
  size: number
  content: BackupContent
  /** Anomalies `aimf check` finds in it (the ledger's invariants): restored only when forced. */
  anomalies: number
}

/**
 * Checks a file offered as a backup — any path: a listed backup, a copy on a USB stick — before
 * anything is changed: sound (SQLite's full integrity check), an AIMF Finances file, of a schema
 * this version reads; and says whose it is; then `aimf check` (`check`, check/file-check.ts,
 * given by the caller: the backup area is in the list of areas it derives from) counts its
 * anomalies. Looking leaves nothing beside it.
 */
export async function checkBackup(path: string, check: FileCheck): Promise<CheckedBackup> {
  const info = await stat(path).catch((error: unknown) => {
    throw asFileFailure(error, path)
  })
  if (!info.isFile()) throw new AppFailure('FILE_NOT_AIMF', 'errors.FILE_NOT_AIMF', { path })
  const checked = await lookReadOnly(path, async (native) => {
    const [app] = await allRows<{ application_id: number }>(native, 'PRAGMA application_id')
    if (app?.application_id !== AIMF_APPLICATION_ID) {
      throw new AppFailure('FILE_NOT_AIMF', 'errors.FILE_NOT_AIMF', { path })
    }
    const [version] = await allRows<{ user_version: number }>(native, 'PRAGMA user_version')
    if ((version?.user_version ?? 0) > LATEST_VERSION) {
      throw new AppFailure('FILE_TOO_NEW', 'errors.FILE_TOO_NEW', {
        path,
        fileVersion: version?.user_version ?? 0,
        appVersion: LATEST_VERSION,
      })
    }
    return { info: await readInfo(native), version: version?.user_version ?? 0 }
  }).catch((error: unknown) => {
    throw asFileFailure(error, path)
  })
  const anomalies = await anomaliesOf(path, checked.version, check)
  const found = checked.info
  const named = parseBackupName(basename(path))
  const savedTrigger = found.get(FILE_INFO.backupTrigger) as BackupTrigger | undefined
  const savedAt = found.get(FILE_INFO.backupTakenAt)
  return {
    path,
    takenAt: savedAt ? new Date(savedAt) : (named?.takenAt ?? info.mtime),
    trigger:
      savedTrigger && BACKUP_TRIGGERS.includes(savedTrigger)
        ? savedTrigger
        : (named?.trigger ?? null),
    size: info.size,
    content: {
      identity: identityFromInfo(found),
      // A backup says which file it was taken of; a data file chosen as it is, where it was.
      of: found.get(FILE_INFO.backupOf) ?? found.get(FILE_INFO.filePath) ?? null,
    },
    anomalies,
  }
}

/**
 * SQLite's full integrity check (a failure refuses the backup: FILE_DAMAGED), then the
 * invariants of `aimf check`, whose anomalies are counted. A backup of an older schema is first
 * brought up to date in a private copy, as opening it will do: one that cannot be is refused.
 */
async function anomaliesOf(path: string, version: number, check: FileCheck): Promise<number> {
  if (version === LATEST_VERSION) return countAnomalies(path, path, check)
  await verifyIntegrity(path)
  const folder = await mkdtemp(join(tmpdir(), 'aimf-restore-'))
  try {
    const trial = join(folder, 'essai.sqlite')
    await copyFile(path, trial)
    const opened = await DataFile.open(trial).catch((error: unknown) => {
      const detail = error instanceof AppFailure ? error.code : (sqliteCode(error) ?? 'migration')
      throw new AppFailure('FILE_DAMAGED', 'errors.FILE_DAMAGED', { path, detail })
    })
    await opened.close()
    return await countAnomalies(trial, path, check)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

async function countAnomalies(checked: string, shownAs: string, check: FileCheck): Promise<number> {
  // A check that cannot even run through a hostile file proves it is not a sound backup.
  const problems = await check(checked).catch((error: unknown) => {
    throw new AppFailure('FILE_DAMAGED', 'errors.FILE_DAMAGED', {
      path: shownAs,
      detail: sqliteCode(error) ?? 'check',
    })
  })
  const damage = problems.find((p) => p.key === 'check.integrity' || p.key.startsWith('errors.'))
  if (damage) {
    const detail = typeof damage.params.detail === 'string' ? damage.params.detail : damage.key
    throw new AppFailure('FILE_DAMAGED', 'errors.FILE_DAMAGED', { path: shownAs, detail })
  }
  return problems.length
}

/**
 * How a checked backup relates to the file it would replace: its own, another copy of the same
 * data, another file's — or unverifiable, when the file's identity cannot be read (damaged) and
 * the backup does not say it was taken of this very path.
 */
export function kinshipOf(
  backup: CheckedBackup,
  file: { path: string; identity: FileIdentity | null },
): Kinship | 'unverifiable' {
  if (file.identity) return kinship(backup.content.identity, file.identity)
  return backup.content.of === file.path ? 'sameFile' : 'unverifiable'
}

/**
 * Refuses, saying why, to put another file's backup (or one that cannot be verified) in place
 * of a file, unless forced: that would replace all its data with other data.
 */
export function assertMayRestore(
  found: Kinship | 'unverifiable',
  backup: CheckedBackup,
  path: string,
  force: boolean,
): void {
  if (force) return
  if (backup.anomalies > 0) {
    throw new AppFailure('CONFLICT', 'errors.backupAnomalies', {
      backup: backup.path,
      count: backup.anomalies,
    })
  }
  if (found === 'sameFile' || found === 'sameDataset') return
  const params = {
    path,
    backup: basename(backup.path),
    of: backup.content.of ?? '?',
  }
  throw new AppFailure(
    'CONFLICT',
    found === 'unverifiable' ? 'errors.backupUnverifiable' : 'errors.backupOfOtherFile',
    params,
  )
}

/** The file a backup is to be put in place of. */
export interface RestoreTarget {
  path: string
  /** Its identity, when it can be read: the restored file keeps it, with its backups. */
  identity: FileIdentity | null
  /** For a damaged file: the folder it is kept in (beside its backups), never deleted. */
  keepDamagedIn?: string
  now?: Date
}

/**
 * Puts a checked backup in place of a closed, damaged or missing file: copied under a temporary
 * name beside it, given the identity of the file it replaces (so that its backups — the one
 * taken just before, above all — stay its own), checked, flushed to the disk, then renamed over
 * it, and the folder flushed: the file is at every moment either the old one or the backup,
 * whole. A damaged file is first kept aside (a hard link where the disk has them), with its
 * write-ahead log. Answers where the damaged file was kept, if it was.
 */
export async function restoreInto(
  target: RestoreTarget,
  backup: CheckedBackup,
): Promise<string | null> {
  const fromBackup = backup.content.identity
  const identity = {
    fileId: target.identity?.fileId ?? fromBackup.fileId ?? newIdentity(),
    backupsReplica: target.identity ? target.identity.backupsReplica : fromBackup.backupsReplica,
  }
  const present = await exists(target.path)
  const kept =
    present && target.keepDamagedIn
      ? join(
          target.keepDamagedIn,
          backupFileName(target.path, target.now ?? new Date(), 'damaged', identity.fileId),
        )
      : null
  await writeAtomically(
    target.path,
    async (temporary) => {
      await copyFile(backup.path, temporary)
      await settleCopy(temporary, target.path, identity)
    },
    {
      exclusive: !present,
      verify: (temporary) => verifyIntegrity(temporary, backup.path),
      beforePublish: async () => {
        if (kept) await keepAside(target.path, kept)
        // A write-ahead log left beside the old file must never be read into the new one.
        else
          for (const suffix of ['-wal', '-shm'])
            await rm(`${target.path}${suffix}`, { force: true })
      },
    },
  )
  if (kept) await syncFolder(dirname(kept)).catch(() => undefined)
  return kept
}

/** Keeps a damaged file (and its -wal and -shm) under another name, without copying it. */
async function keepAside(path: string, kept: string): Promise<void> {
  await mkdir(dirname(kept), { recursive: true })
  try {
    // The damaged file keeps its name until the restored one takes it.
    await link(path, kept)
  } catch {
    await rename(path, kept)
  }
  for (const suffix of ['-wal', '-shm']) {
    await rename(`${path}${suffix}`, `${kept}${suffix}`).catch(() => undefined)
  }
}
