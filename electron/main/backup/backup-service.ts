import { randomUUID } from 'node:crypto'
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { DataFile } from '../db/data-file'
import { asFileFailure, verifyCopy } from '../db/data-file'
import { backupFileName, backupFolderOf } from '../db/file-identity'
import { OPEN_READONLY, backupTo, closeNative, openNative } from '../db/sqlite-native'
import { AppFailure } from '../failure'
import type { BackupInfo, BackupTrigger } from '../../../shared/backup/schema'
import { BACKUP_TRIGGERS } from '../../../shared/backup/schema'
import { fingerprint } from './fingerprint'
import { backupsToKeep, eventBackupsToKeep } from './rotation'

/** Backups taken as a matter of course; the others are taken before an operation, to undo it. */
const ROUTINE_TRIGGERS: readonly BackupTrigger[] = ['open', 'hourly', 'manual']

const NAME = /^(.+)\.(\d{8}-\d{6}-\d{3})\.([a-z]+)\.sqlite$/

function dateOfStamp(stamp: string): number {
  const [day = '', time = '', ms = ''] = stamp.split('-')
  return Date.parse(
    `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.${ms}Z`,
  )
}

/**
 * Verified backups of an open file, with SQLite's online backup API — never a plain copy of a
 * live database. A backup is kept only once its integrity check passes and its row counts and
 * ledger totals equal the source's; only then may older backups go (see rotation.ts).
 */
export class BackupService {
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
  private folders(): string[] {
    return [...new Set([this.folder(), backupFolderOf(this.file.path)])]
  }

  async create(trigger: BackupTrigger): Promise<BackupInfo> {
    const folder = this.folder()
    await mkdir(folder, { recursive: true })
    const takenAt = this.now()
    const name = backupFileName(this.file.path, takenAt, trigger)
    const building = join(folder, `.${randomUUID()}.tmp`)
    let expected = ''
    try {
      // Holding the one connection: no write can land between the copy and the source's counts.
      await this.file.db.connection().execute(async () => {
        await backupTo(this.file.nativeHandle(), building)
        expected = await fingerprint(this.file.nativeHandle())
      })
      await verifyCopy(building)
      const copy = await openNative(building, OPEN_READONLY)
      const actual = await fingerprint(copy).finally(() => closeNative(copy))
      if (actual !== expected) {
        throw new AppFailure('FILE_DAMAGED', 'errors.backupIncomplete', { path: building })
      }
      await rename(building, join(folder, name))
    } catch (error) {
      await rm(building, { force: true })
      throw error
    }
    await this.rotate()
    const info = (await this.list()).find((b) => b.name === name)
    if (!info) throw new AppFailure('NOT_FOUND')
    return info
  }

  async list(): Promise<BackupInfo[]> {
    const prefix = `${basename(this.file.path, '.sqlite')}.`
    const found: BackupInfo[] = []
    for (const folder of this.folders()) {
      const names = await readdir(folder).catch(() => [] as string[])
      for (const name of names) {
        const match = NAME.exec(name)
        if (!match || !name.startsWith(prefix)) continue
        const trigger = match[3] as BackupTrigger
        if (!BACKUP_TRIGGERS.includes(trigger)) continue
        const { size } = await stat(join(folder, name))
        found.push({
          name,
          takenAt: new Date(dateOfStamp(match[2] ?? '')).toISOString(),
          trigger,
          size,
          folder,
        })
      }
    }
    return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt))
  }

  /** Removes what the retention rules no longer keep. */
  async rotate(): Promise<string[]> {
    const backups = await this.list()
    const dated = (list: BackupInfo[]) =>
      list.map((b) => ({ name: b.name, takenAt: Date.parse(b.takenAt) }))
    const routine = backups.filter((b) => ROUTINE_TRIGGERS.includes(b.trigger))
    const events = backups.filter((b) => !ROUTINE_TRIGGERS.includes(b.trigger))
    const keep = new Set([
      ...backupsToKeep(dated(routine)),
      ...eventBackupsToKeep(dated(events), this.now().getTime()),
    ])
    const removed = backups.filter((b) => !keep.has(b.name))
    for (const backup of removed) await rm(join(backup.folder, backup.name), { force: true })
    return removed.map((b) => b.name)
  }

  /** The path of a listed backup; refuses any other name (no path may be slipped in). */
  async pathOf(name: string): Promise<string> {
    const backup = (await this.list()).find((b) => b.name === name)
    if (!backup) throw new AppFailure('NOT_FOUND')
    return join(backup.folder, name)
  }
}

/**
 * Puts a verified backup in place of a closed file: checked first, copied beside the file under a
 * temporary name, then renamed over it, so the file is either the old one or the backup, whole.
 */
export async function replaceWithBackup(path: string, backupPath: string): Promise<void> {
  await verifyCopy(backupPath)
  const building = `${path}.${randomUUID()}.restoring`
  try {
    await copyFile(backupPath, building)
    for (const suffix of ['-wal', '-shm']) await rm(`${path}${suffix}`, { force: true })
    await rename(building, path)
  } catch (error) {
    await rm(building, { force: true })
    throw error
  }
}

/**
 * For a file that cannot be opened (damaged): its newest backup that passes the integrity check,
 * found by name in the folder beside it. Null when there is none.
 */
export async function latestGoodBackupOf(path: string): Promise<string | null> {
  const folder = backupFolderOf(path)
  const prefix = `${basename(path, '.sqlite')}.`
  const names = (await readdir(folder).catch(() => [] as string[]))
    .filter(
      (name) => name.startsWith(prefix) && NAME.test(name) && !name.endsWith('.damaged.sqlite'),
    )
    .sort((a, b) => (NAME.exec(b)?.[2] ?? '').localeCompare(NAME.exec(a)?.[2] ?? ''))
  for (const name of names) {
    const candidate = join(folder, name)
    try {
      await verifyCopy(candidate)
      return candidate
    } catch {
      // A damaged backup is passed over: the next older one may be sound.
    }
  }
  return null
}

/**
 * Puts the newest sound backup in place of a damaged file. The damaged file is never deleted:
 * it is renamed beside the backups, for whoever wants to look at it.
 */
export async function recoverFromLatestBackup(
  path: string,
  now: Date = new Date(),
): Promise<string> {
  const backup = await latestGoodBackupOf(path)
  if (!backup) throw new AppFailure('NOT_FOUND', 'errors.noGoodBackup', { path })
  await mkdir(backupFolderOf(path), { recursive: true })
  const kept = join(backupFolderOf(path), backupFileName(path, now, 'damaged'))
  await rename(path, kept)
  for (const suffix of ['-wal', '-shm']) {
    await rename(`${path}${suffix}`, `${kept}${suffix}`).catch(() => undefined)
  }
  await copyFile(backup, path)
  return kept
}

/** Refuses a folder the application cannot write to, naming it, before anything relies on it. */
export async function assertWritableFolder(folder: string): Promise<void> {
  const probe = join(folder, `.aimf-${randomUUID()}.probe`)
  try {
    await mkdir(folder, { recursive: true })
    await writeFile(probe, 'ok')
    await rm(probe, { force: true })
  } catch (error) {
    throw asFileFailure(error, folder)
  }
}
