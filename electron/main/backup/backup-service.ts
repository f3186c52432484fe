import { randomUUID } from 'node:crypto'
import { mkdir, rm, statfs, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { DataFile } from '../db/data-file'
import { type FileIdentity, identityFromInfo } from '../db/file-identity'
import { AppFailure } from '../failure'
import { asFileFailure } from '../files/file-failure'
import type { FileCheck } from '../check/check-problem'
import type { BackupInfo, BackupTrigger } from '@shared/backup/schema'
import { BackupCatalog, type BackupOwner } from './backup-catalog'
import { writeBackup } from './backup-copy'
import { backupFileName, backupFolderOf } from './backup-names'
import { checkBackup, restoreInto } from './restore'
import { backupsToRemove } from './rotation'

/**
 * The verified backups of an open file (see backup-copy.ts), found by the file's identity (see
 * backup-catalog.ts). After each one, the retention rules may remove older routine and
 * operation backups of this file — each confirmed to be this file's by its content first;
 * manual backups stay until the user deletes them.
 */
export class BackupService {
  private readonly catalog = new BackupCatalog()

  constructor(
    private readonly file: DataFile,
    private readonly now: () => Date = () => new Date(),
    /** The folder chosen for this file's backups on this machine, if any. */
    private readonly chosenFolder: () => string | null = () => null,
  ) {}

  /** Where new backups go: the folder chosen in Paramètres, else `backups/` beside the file. */
  folder(): string {
    return this.chosenFolder() ?? backupFolderOf(this.file.path)
  }

  /**
   * Every folder that may hold this file's backups: the chosen one, and the one beside the file
   * (where backups made before a migration, and before the folder was chosen, stay).
   */
  folders(): string[] {
    return [...new Set([this.folder(), backupFolderOf(this.file.path)])]
  }

  /** The open file's identity, as its backups carry it. */
  async identity(): Promise<FileIdentity> {
    const rows = await this.file.db.selectFrom('file_info').selectAll().execute()
    return identityFromInfo(new Map(rows.map((row) => [row.key, row.value])))
  }

  private async owner(): Promise<BackupOwner> {
    return { identity: await this.identity(), path: this.file.path }
  }

  async create(trigger: BackupTrigger): Promise<BackupInfo> {
    const folder = this.folder()
    const { fileId } = await this.identity()
    let takenAt = this.now()
    let name = ''
    // Two backups within one millisecond: the second takes the next one (never replaces).
    for (let attempt = 0; ; attempt += 1) {
      name = backupFileName(this.file.path, takenAt, trigger, fileId)
      try {
        await writeBackup(
          this.file.nativeHandle(),
          join(folder, name),
          { takenAt, trigger, of: this.file.path },
          (work) => this.file.db.connection().execute(work),
        )
        break
      } catch (error) {
        if (!(error instanceof AppFailure && error.code === 'FILE_EXISTS') || attempt >= 9)
          throw error
        takenAt = new Date(takenAt.getTime() + 1)
      }
    }
    await this.rotate()
    const info = (await this.list()).find((b) => b.name === name)
    if (!info) throw new AppFailure('NOT_FOUND')
    return info
  }

  async list(): Promise<BackupInfo[]> {
    return this.catalog.list(await this.owner(), this.folders())
  }

  /** Removes what the retention rules no longer keep, each confirmed by its content first. */
  async rotate(): Promise<string[]> {
    const owner = await this.owner()
    const backups = await this.catalog.list(owner, this.folders())
    const names = new Set(
      backupsToRemove(
        backups.map((b) => ({ name: b.name, takenAt: Date.parse(b.takenAt), trigger: b.trigger })),
        this.now().getTime(),
      ),
    )
    const removed: string[] = []
    for (const backup of backups.filter((b) => names.has(b.name))) {
      const path = join(backup.folder, backup.name)
      if (!(await this.catalog.belongs(owner, path))) continue
      await rm(path, { force: true })
      removed.push(backup.name)
    }
    return removed
  }

  /** Deletes one of this file's backups, at the user's request (Paramètres → Sauvegardes). */
  async remove(name: string): Promise<BackupInfo[]> {
    const path = await this.pathOf(name)
    await rm(path).catch((error: unknown) => {
      throw asFileFailure(error, path)
    })
    return this.list()
  }

  /** The path of a listed backup; refuses any other name (no path may be slipped in). */
  async pathOf(name: string): Promise<string> {
    const backup = (await this.list()).find((b) => b.name === name)
    if (!backup) throw new AppFailure('NOT_FOUND', 'errors.backupNotFound', { name })
    return join(backup.folder, name)
  }

  /** Free space on the disk of the backups' folder, when the system says. */
  async freeBytes(): Promise<number | null> {
    // The folder is made with the first backup: until then, the disk of the file.
    const space =
      (await statfs(this.folder()).catch(() => null)) ??
      (await statfs(dirname(this.file.path)).catch(() => null))
    return space ? space.bavail * space.bsize : null
  }
}

/**
 * A closed file's backups, by its identity read without writing to it — a damaged file's too.
 * Null identity: the file's identity cannot be read, and only backups that say they were taken
 * of this very path are its own.
 */
export async function backupsOfClosedFile(
  path: string,
  identity: FileIdentity | null,
  folders: readonly string[],
): Promise<BackupInfo[]> {
  return new BackupCatalog().list({ identity, path }, [...folders, backupFolderOf(path)])
}

/**
 * For a file that cannot be opened (damaged): its newest backup that passes every check takes
 * its place; the damaged file is kept beside the backups. Only this file's backups are tried.
 */
export async function recoverFromLatestBackup(
  path: string,
  identity: FileIdentity | null,
  folders: readonly string[],
  check: FileCheck,
  now: Date = new Date(),
): Promise<{ backup: string; kept: string | null }> {
  const owner = { identity, path }
  const catalog = new BackupCatalog()
  for (const backup of await catalog.list(owner, [...folders, backupFolderOf(path)])) {
    if (!backup.restorable) continue
    const candidate = join(backup.folder, backup.name)
    const checked = await checkBackup(candidate, check).catch((error: unknown) => {
      // A damaged or foreign backup is passed over: the next older one may be sound.
      if (error instanceof AppFailure && error.code.startsWith('FILE_')) return null
      throw error
    })
    // The newest *sound* one: a backup with anomalies in its accounts is passed over too.
    if (!checked || checked.anomalies > 0 || !(await catalog.belongs(owner, candidate))) continue
    const kept = await restoreInto(
      { path, identity, keepDamagedIn: backupFolderOf(path), now },
      checked,
    )
    return { backup: backup.name, kept }
  }
  throw new AppFailure(
    'NOT_FOUND',
    identity ? 'errors.noGoodBackup' : 'errors.noGoodBackupUnidentified',
    { path },
  )
}

/** Refuses a folder the application cannot write to, naming it, before anything relies on it. */
export async function assertWritableFolder(folder: string): Promise<void> {
  const probe = join(folder, `.aimf-${randomUUID()}.probe`)
  try {
    await mkdir(folder, { recursive: true })
    await writeFile(probe, 'ok')
    await rm(probe, { force: true })
  } catch (error) {
    // A probe half-written on a full disk is not left behind.
    await rm(probe, { force: true }).catch(() => undefined)
    throw asFileFailure(error, folder)
  }
}
