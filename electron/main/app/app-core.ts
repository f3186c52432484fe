import { userInfo } from 'node:os'
import { basename, join } from 'node:path'
import type { AppState, OpenFileInfo } from '@shared/app/schema'
import type { BackupFolder } from '@shared/backup/schema'
import type { SavedFile } from '@shared/files/schema'
import type { Language } from '@shared/i18n/locale'
import type { WorkbookReport } from '@shared/workbook/schema'
import { assertWritableFolder } from '../backup/backup-service'
import { DataFile } from '../db/data-file'
import type { IntegrityCheck } from '../db/open-check'
import type { FileCheck } from '../check/check-problem'
import { exists } from '../db/read-only'
import { AppFailure, fieldFailure, toAppError } from '../failure'
import { type TokenChannel, tokenPurposeOf } from '../files/file-channels'
import { FileGrants } from '../files/file-grants'
import type { Host } from '../host'
import { hashPassword, passwordMatches } from '../lock/window-lock'
import { PrefsStore } from '../prefs/prefs-store'
import { ServerPasswords } from '../sync/server-passwords'
import { type ImportOptions, importWorkbook } from '../workbook/workbook-import'
import type { Register } from '../workbook/register'
import { AutoSync } from './auto-sync'
import { failureMessage } from './background-jobs'
import { BackupSchedule } from './backup-schedule'
import { watchOpenCheck } from './open-watch'
import { RestoreActions } from './restore-actions'
import type { Session, SessionOpener } from './session'

export interface CoreOptions {
  /** Where this machine's preferences and the demo file live (Electron's userData). */
  appFolder: string
  host: Host
  appVersion: string
  /** The clock the file tokens expire by (tests move it on). */
  clock?: () => number
  /**
   * Fills a new demonstration file (demo/build-demo.ts): given by the caller, so that the core
   * does not depend on the demo's data.
   */
  buildDemo: (file: DataFile) => Promise<void>
  /**
   * Builds the services of an opened file (app/create-session.ts, from the list of areas): given
   * by the caller, as the areas' handlers drive this object and the list holds them.
   */
  createSession: SessionOpener
  /**
   * The workbook's registers in their import order (workbook/registers.ts, from the list of
   * areas): given by the caller for the same reason.
   */
  registers: readonly Register[]
  /**
   * `aimf check` with every area's invariants (check/file-check.ts), run on each backup offered
   * for a restore: given by the caller for the same reason.
   */
  checkFile: FileCheck
  /** The full check run in the background after a file opens (tests pace it). */
  integrityCheck?: IntegrityCheck
  /** From which size a file opens quickly, checked in the background (tests: any size). */
  quicklyAbove?: number
}

export const DEMO_FILE_NAME = 'AIMF-Finances-demonstration.sqlite'

/**
 * The application without its window: the open file, its services and this machine's
 * preferences. The Electron shell, the CLI and the end-to-end tests all drive this same object.
 */
export class AppCore {
  private session: Session | null = null

  /** Sync servers' passwords: the host's keychain, or memory until the application closes. */
  private readonly passwords: ServerPasswords

  /** Restores of backups: listed ones, a chosen file, a damaged file's. */
  readonly restores = new RestoreActions(this)
  /** The files the page may act on, each behind a token (see FILE_CHANNELS). */
  readonly files: FileGrants
  /** The backups made on their own: on opening, then hourly. */
  private readonly backups = new BackupSchedule()
  private readonly autoSync = new AutoSync(
    () => this.session,
    () => this.author(),
  )

  private constructor(
    private readonly options: CoreOptions,
    readonly prefs: PrefsStore,
  ) {
    this.passwords = new ServerPasswords(options.host)
    this.files = new FileGrants(options.clock)
  }

  static async start(options: CoreOptions): Promise<AppCore> {
    return new AppCore(options, await PrefsStore.load(options.appFolder))
  }

  get host(): Host {
    return this.options.host
  }

  get appVersion(): string {
    return this.options.appVersion
  }

  /** `aimf check`, with every area's invariants. */
  get checkFile(): FileCheck {
    return this.options.checkFile
  }

  /** The workbook's registers, in the order of its sheets. */
  get registers(): readonly Register[] {
    return this.options.registers
  }

  language(): Language {
    return this.prefs.get().language
  }

  /** The name stamped on changes: the one the user gave, or the system account's. */
  author(): string {
    const name = this.prefs.get().userName.trim()
    if (name) return name
    try {
      return userInfo().username
    } catch {
      return '?'
    }
  }

  /** The file behind a token channel's token, or a refusal on its `file` field. */
  fileFor(channel: TokenChannel, token: string): string {
    return this.files.redeem(token, tokenPurposeOf(channel))
  }

  /** A file written where the user chose: where it is, and a token to show it in its folder. */
  saved(path: string): SavedFile {
    return { path, file: this.files.grant(path, 'reveal') }
  }

  requireSession(): Session {
    if (!this.session) throw new AppFailure('NO_FILE')
    return this.session
  }

  async state(): Promise<AppState> {
    const prefs = this.prefs.get()
    const recentFiles = await Promise.all(
      prefs.recentFiles.map(async (path) => ({
        path,
        name: basename(path),
        exists: await exists(path),
        file: this.files.grant(path, 'data-file'),
      })),
    )
    return {
      appVersion: this.options.appVersion,
      language: prefs.language,
      userName: prefs.userName,
      recentFiles,
      file: this.fileInfo(),
      damagedAtOpen: this.damagedAtOpen && toAppError(this.damagedAtOpen, prefs.language),
      lock: {
        enabled: prefs.lock !== null,
        minutes: prefs.lock?.minutes ?? 10,
        locked: this.locked,
      },
    }
  }

  private locked = false

  /** True while the window is locked: the core then answers only the lock screen. */
  isLocked(): boolean {
    return this.locked
  }

  /** Locks the window (after inactivity, or on demand), if a password was set. */
  lock(): void {
    if (this.prefs.get().lock) this.locked = true
  }

  async unlock(password: string): Promise<void> {
    const lock = this.prefs.get().lock
    if (lock && !(await passwordMatches(password, lock.hash))) {
      throw fieldFailure('FORBIDDEN', 'password', 'errors.wrongPassword')
    }
    this.locked = false
  }

  /**
   * Sets, changes or removes the password that locks the window after `minutes` of inactivity.
   * Once a lock is set, any change asks for the password in force (checked like unlocking), so
   * that nothing holding the page alone can lift the lock.
   */
  async setLock(password: string | null, minutes: number, currentPassword?: string): Promise<void> {
    const lock = this.prefs.get().lock
    if (lock && !currentPassword) {
      throw fieldFailure('FORBIDDEN', 'currentPassword', 'errors.currentPasswordRequired')
    }
    if (lock && !(await passwordMatches(currentPassword ?? '', lock.hash))) {
      throw fieldFailure('FORBIDDEN', 'currentPassword', 'errors.wrongCurrentPassword')
    }
    await this.prefs.update({
      lock: password === null ? null : { hash: await hashPassword(password), minutes },
    })
  }

  fileInfo(): OpenFileInfo | null {
    if (!this.session) return null
    const info = this.session.file.info()
    const failed = this.backups.failure
    return {
      ...info,
      name: basename(info.path),
      checking: this.session.file.checkState === 'checking',
      backupFailure: failed === null ? null : failureMessage(failed, this.language()),
    }
  }

  async setLanguage(language: Language): Promise<void> {
    await this.prefs.update({ language })
    this.options.host.stateChanged()
  }

  async setUserName(userName: string): Promise<void> {
    await this.prefs.update({ userName })
  }

  /**
   * Opens a file at once, from a fast check; SQLite's full check runs in the background
   * (db/open-check.ts), and a damage it finds closes the file and is said on the start screen
   * as if opening had found it ({@link damagedAtOpen}).
   */
  async openFile(path: string): Promise<OpenFileInfo> {
    if (this.session?.file.path === path) return this.requireFileInfo()
    const file = await DataFile.open(path, {
      quickly: true,
      integrityCheck: this.options.integrityCheck,
      quicklyAbove: this.options.quicklyAbove,
    })
    return this.attach(file)
  }

  /** A file found damaged by its background check, with its token to recover or look at it. */
  private damagedAtOpen: AppFailure | null = null

  /** Opens a damaged file only to look at it (a private copy is read; the file is untouched). */
  async viewFile(path: string): Promise<OpenFileInfo> {
    if (this.session?.file.path === path) throw new AppFailure('CONFLICT')
    return this.attach(await DataFile.openForViewing(path))
  }

  async createFile(path: string): Promise<OpenFileInfo> {
    return this.attach(await DataFile.create(path))
  }

  /** Opens the demo file, building it the first time. */
  async openDemo(): Promise<OpenFileInfo> {
    const path = join(this.options.appFolder, 'demo', DEMO_FILE_NAME)
    if (this.session?.file.path === path) return this.requireFileInfo()
    if (await exists(path)) return this.openFile(path)
    const file = await DataFile.create(path, { isDemo: true })
    try {
      await this.options.buildDemo(file)
    } catch (error) {
      await file.close()
      throw error
    }
    return this.attach(file)
  }

  async closeFile(): Promise<void> {
    this.autoSync.stop()
    this.files.revokePurpose('import-workbook')
    const session = this.session
    this.session = null
    await this.backups.settled()
    if (session) await session.file.close()
    await this.prefs.update({ lastFile: null })
    this.options.host.stateChanged()
  }

  /** Reopens the file that was open when the application last closed, if it still can be. */
  async reopenLastFile(): Promise<void> {
    const last = this.prefs.get().lastFile
    if (!last || !(await exists(last))) return
    try {
      await this.openFile(last)
    } catch {
      // The start screen offers the choices; the failure is shown when the user picks the file.
    }
  }

  async dispose(): Promise<void> {
    this.autoSync.stop()
    const session = this.session
    this.session = null
    await this.backups.settled()
    if (session) await session.file.close()
  }

  private async attach(file: DataFile): Promise<OpenFileInfo> {
    if (this.session) {
      await this.backups.settled()
      await this.session.file.close()
    }
    this.damagedAtOpen = null
    // A workbook was checked against the file open then: it is chosen again for this one.
    this.files.revokePurpose('import-workbook')
    const session = this.options.createSession(
      file,
      () => this.language(),
      () => this.prefs.get().backupFolders[file.path] ?? null,
      this.passwords,
    )
    this.session = session
    await this.prefs.rememberFile(file.path)
    this.autoSync.start()
    // The opening backup copies the whole file: taken once the full check has passed, after the
    // first screen, for a file opened quickly; at once for one already checked in full.
    const checked = watchOpenCheck(file, {
      stillOpen: (open) => this.session?.file === open,
      passed: async () => {
        await this.backups.opened(session)
        this.options.host.stateChanged()
      },
      damaged: async (_, failure) => {
        const token = this.files.grant(file.path, 'damaged-file')
        this.damagedAtOpen = new AppFailure(failure.code, failure.key, {
          ...failure.params,
          file: token,
        })
        await this.closeFile()
      },
    })
    if (file.checkState === 'passed') await checked
    this.options.host.stateChanged()
    return this.requireFileInfo()
  }

  /** Backs the open file up; see {@link BackupSchedule.backUp}. */
  async backUp(trigger: 'open' | 'hourly' | 'manual'): Promise<boolean> {
    return this.session ? this.backups.backUp(this.session, trigger) : false
  }

  /** A backup asked for by the user: its failure is theirs to read. */
  async backUpNow(): Promise<void> {
    await this.backups.backUpNow(this.requireSession())
  }

  /**
   * Sends the open file's backups to a folder of the user's choice on this machine (a second
   * disk, a synchronised folder), or back beside the file; a verified backup is made there at
   * once, so the choice is proven to work.
   */
  async setBackupFolder(folder: string | null): Promise<BackupFolder> {
    const session = this.requireSession()
    if (folder !== null) await assertWritableFolder(folder)
    const others = Object.entries(this.prefs.get().backupFolders).filter(
      ([path]) => path !== session.file.path,
    )
    await this.prefs.update({
      backupFolders: Object.fromEntries(
        folder === null ? others : [...others, [session.file.path, folder]],
      ),
    })
    await this.backUpNow()
    return this.backupFolder()
  }

  async backupFolder(): Promise<BackupFolder> {
    const session = this.requireSession()
    return {
      folder: session.backups.folder(),
      isDefault: this.prefs.get().backupFolders[session.file.path] === undefined,
      freeBytes: await session.backups.freeBytes(),
    }
  }

  /**
   * Called every few minutes by the shell: backs up once an hour, if anything changed. Returns
   * whether the window's alert about backups appeared or went, so the shell can tell it.
   */
  async backUpIfDue(): Promise<boolean> {
    return this.backups.backUpIfDue(this.session)
  }

  /**
   * Closes the open file, runs `work` on its path (a restore), then opens the file again —
   * also when `work` failed, so that the user is back in the file as it was.
   */
  async reopenAfter(work: (path: string) => Promise<void>): Promise<OpenFileInfo> {
    const session = this.requireSession()
    const path = session.file.path
    this.autoSync.stop()
    this.session = null
    await this.backups.settled()
    await session.file.close()
    try {
      await work(path)
    } catch (failure) {
      await DataFile.open(path)
        .then((file) => this.attach(file))
        .catch(() => undefined)
      throw failure
    }
    return this.attach(await DataFile.open(path))
  }

  /**
   * Imports a workbook all or nothing, or (`dryRun`) does everything the import would and rolls
   * it back: see {@link importWorkbook}.
   */
  async importWorkbook(
    path: string,
    dryRun: boolean,
    options: ImportOptions = {},
  ): Promise<WorkbookReport> {
    return importWorkbook(this.requireSession(), path, {
      ...options,
      dryRun,
      author: this.author(),
      language: this.language(),
      registers: this.options.registers,
    })
  }

  private requireFileInfo(): OpenFileInfo {
    const info = this.fileInfo()
    if (!info) throw new AppFailure('NO_FILE')
    return info
  }
}
