import { randomUUID } from 'node:crypto'
import { basename, resolve } from 'node:path'
import { recoverFromLatestBackup } from '../backup/backup-service'
import { backupFolderOf } from '../backup/backup-names'
import {
  type CheckedBackup,
  assertMayRestore,
  checkBackup,
  kinshipOf,
  restoreInto,
} from '../backup/restore'
import type { FileIdentity } from '../db/file-identity'
import { readIdentityOf } from '../db/identity'
import { AppFailure } from '../failure'
import type { ChosenBackup } from '@shared/backup/schema'
import type { OpenFileInfo } from '@shared/app/schema'
import type { Language } from '@shared/i18n/locale'
import type { Host } from '../host'
import type { FileCheck } from '../check/check-problem'
import type { PrefsStore } from '../prefs/prefs-store'
import type { Session } from './session'

/** What the restores need of the app's core (AppCore): the open file and the ways to reopen it. */
export interface OpenFiles {
  readonly host: Host
  readonly prefs: PrefsStore
  /** `aimf check` with every area's invariants, run on each backup offered. */
  readonly checkFile: FileCheck
  language(): Language
  requireSession(): Session
  fileInfo(): OpenFileInfo | null
  openFile(path: string): Promise<OpenFileInfo>
  reopenAfter(work: (path: string) => Promise<void>): Promise<OpenFileInfo>
}

/**
 * The window's restores: one of the open file's backups, a file chosen in a native dialog (a
 * copy on a USB stick), and, for a file that will not open because it is damaged, its newest
 * sound backup or a chosen file. Each checks the backup first and whose it is; the open file's
 * state is backed up before, and a damaged file is kept beside its backups.
 */
export class RestoreActions {
  /** The file last chosen in the dialog: its path stays here, the page holds only the token. */
  private chosen: { token: string; path: string; forFile: string | null } | null = null

  constructor(private readonly core: OpenFiles) {}

  /** Restores one of the open file's listed backups. */
  async restoreListed(name: string): Promise<OpenFileInfo> {
    const session = this.core.requireSession()
    const checked = await checkBackup(await session.backups.pathOf(name), this.core.checkFile)
    return this.replaceOpenFile(checked, await session.backups.identity())
  }

  /**
   * Asks for a file to restore from (a native dialog: the path never comes from the page),
   * checks it and says whose backup it is — of the open file, or of the damaged file `forFile`.
   */
  async choose(forFile: string | undefined): Promise<ChosenBackup> {
    const target = forFile ?? this.core.requireSession().file.path
    const path = await this.core.host.chooseBackupFile(this.core.language())
    if (!path) throw new AppFailure('CANCELLED')
    if (resolve(path) === resolve(target)) {
      throw new AppFailure('CONFLICT', 'errors.restoreItself', { path: target })
    }
    const checked = await checkBackup(path, this.core.checkFile)
    const found = kinshipOf(checked, { path: target, identity: await this.identityOf(forFile) })
    const token = randomUUID()
    this.chosen = { token, path, forFile: forFile ?? null }
    return {
      token,
      name: basename(path),
      takenAt: checked.takenAt.toISOString(),
      trigger: checked.trigger,
      size: checked.size,
      kinship: found === 'unverifiable' ? 'otherFile' : found,
      of: checked.content.of ? basename(checked.content.of) : null,
      anomalies: checked.anomalies,
    }
  }

  /** Restores the chosen file in place of the open file; another file's only when forced. */
  async restoreChosen(token: string, force: boolean): Promise<OpenFileInfo> {
    const session = this.core.requireSession()
    const checked = await checkBackup(this.take(token, null), this.core.checkFile)
    const identity = await session.backups.identity()
    assertMayRestore(
      kinshipOf(checked, { path: session.file.path, identity }),
      checked,
      session.file.path,
      force,
    )
    const opened = await this.replaceOpenFile(checked, identity)
    this.chosen = null
    return opened
  }

  /** Restores the chosen file in place of a damaged file, which is kept beside its backups. */
  async recoverFromChosen(path: string, token: string, force: boolean): Promise<OpenFileInfo> {
    this.assertNotOpen(path)
    const checked = await checkBackup(this.take(token, path), this.core.checkFile)
    const identity = await readIdentityOf(path)
    assertMayRestore(kinshipOf(checked, { path, identity }), checked, path, force)
    await restoreInto({ path, identity, keepDamagedIn: backupFolderOf(path) }, checked)
    this.chosen = null
    return this.core.openFile(path)
  }

  /** A damaged file: its newest sound backup — its own, found by its identity — takes its place. */
  async recoverLatest(path: string): Promise<OpenFileInfo> {
    this.assertNotOpen(path)
    const chosenFolder = this.core.prefs.get().backupFolders[path]
    await recoverFromLatestBackup(
      path,
      await readIdentityOf(path),
      chosenFolder ? [chosenFolder] : [],
      this.core.checkFile,
    )
    return this.core.openFile(path)
  }

  private async replaceOpenFile(
    checked: CheckedBackup,
    identity: FileIdentity,
  ): Promise<OpenFileInfo> {
    // The state before, so that the restore can itself be undone.
    await this.core.requireSession().backups.create('restore')
    return this.core.reopenAfter(async (path) => {
      await restoreInto({ path, identity }, checked)
    })
  }

  private async identityOf(forFile: string | undefined): Promise<FileIdentity | null> {
    if (forFile === undefined) return this.core.requireSession().backups.identity()
    return readIdentityOf(forFile)
  }

  private take(token: string, forFile: string | null): string {
    const chosen = this.chosen
    if (!chosen || chosen.token !== token || chosen.forFile !== forFile) {
      throw new AppFailure('NOT_FOUND', 'errors.chosenBackupGone')
    }
    return chosen.path
  }

  private assertNotOpen(path: string): void {
    if (this.core.fileInfo()?.path === path) throw new AppFailure('CONFLICT')
  }
}
