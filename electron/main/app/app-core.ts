import { access } from 'node:fs/promises'
import { userInfo } from 'node:os'
import { basename, join } from 'node:path'
import { DataFile } from '../db/data-file'
import { buildDemo } from '../demo/build-demo'
import { type ImportOptions, checkWorkbook, importAllOrNothing } from '../workbook/workbook-import'
import type { WorkbookReport } from '../../../shared/workbook/schema'
import { BudgetExpensesService } from '../budget/budget-expenses-service'
import { BudgetService } from '../budget/budget-service'
import { AppFailure, fieldFailure } from '../failure'
import { hashPassword, passwordMatches } from '../lock/window-lock'
import { FundersService } from '../funders/funders-service'
import { AgreementsService } from '../funds/agreements-service'
import { ExchangeRatesService } from '../funds/exchange-rates-service'
import { AgreementTermsService } from '../funds/agreement-terms-service'
import { OtherIncomeService } from '../funds/other-income-service'
import {
  BackupService,
  assertWritableFolder,
  recoverFromLatestBackup,
  replaceWithBackup,
} from '../backup/backup-service'
import { ReceiptsService } from '../funds/receipts-service'
import { DuesCallsService } from '../dues/dues-calls-service'
import { DuesPaymentsService } from '../dues/dues-payments-service'
import { DuesScaleService } from '../dues/dues-scale-service'
import { DuesService } from '../dues/dues-service'
import { LettersService } from '../dues/letters-service'
import { MembersService } from '../members/members-service'
import { DocumentsService } from '../projects/documents-service'
import { FinancingService } from '../projects/financing-service'
import { IndicatorsService } from '../projects/indicators-service'
import { ProjectExpensesService } from '../projects/project-expenses-service'
import { ProjectsService } from '../projects/projects-service'
import { TranchesService } from '../projects/tranches-service'
import { ServerPasswords } from '../sync/server-passwords'
import { SyncService } from '../sync/sync-service'
import { today } from '../../../shared/validation/dates'
import { HistoryService } from '../history/history-service'
import type { Host } from '../host'
import { FileGrants } from '../files/file-grants'
import { type TokenChannel, tokenPurposeOf } from '../files/file-channels'
import type { SavedFile } from '../../../shared/files/schema'
import { OrganisationService } from '../organisation/organisation-service'
import { PrefsStore } from '../prefs/prefs-store'
import type { AppState, OpenFileInfo } from '../../../shared/app/schema'
import type { BackupFolder } from '../../../shared/backup/schema'
import type { Language } from '../../../shared/i18n/locale'

/** The services of the open file; they exist only while a file is open. */
export interface Session {
  file: DataFile
  /** The user's language, for the texts the core writes into records. */
  language: () => Language
  funders: FundersService
  organisation: OrganisationService
  history: HistoryService
  rates: ExchangeRatesService
  agreements: AgreementsService
  receipts: ReceiptsService
  terms: AgreementTermsService
  otherIncome: OtherIncomeService
  backups: BackupService
  members: MembersService
  projects: ProjectsService
  financing: FinancingService
  tranches: TranchesService
  projectExpenses: ProjectExpensesService
  indicators: IndicatorsService
  documents: DocumentsService
  dues: DuesService
  duesScale: DuesScaleService
  duesCalls: DuesCallsService
  duesPayments: DuesPaymentsService
  letters: LettersService
  budget: BudgetService
  budgetExpenses: BudgetExpensesService
  sync: SyncService
}

/** How often an open file syncs with its folder on its own. */
const AUTO_SYNC_MS = 5 * 60 * 1000

/**
 * The services of a file, all over the same connection. `language` is the user's, for the
 * texts the core writes into records (the basis of a dues call).
 */
export function createSession(
  file: DataFile,
  language: () => Language = () => 'fr',
  backupFolder: () => string | null = () => null,
  passwords = new ServerPasswords(null),
): Session {
  const rates = new ExchangeRatesService(file)
  const terms = new AgreementTermsService(file, () => today())
  const financing = new FinancingService(file, rates, () => today())
  const organisation = new OrganisationService(file)
  return {
    language,
    file,
    funders: new FundersService(file),
    organisation,
    history: new HistoryService(file),
    rates,
    agreements: new AgreementsService(file, rates, terms, () => today()),
    terms,
    otherIncome: new OtherIncomeService(file, rates),
    backups: new BackupService(file, () => new Date(), backupFolder),
    receipts: new ReceiptsService(file, rates),
    members: new MembersService(file, () => today()),
    projects: new ProjectsService(file, rates, financing, () => today()),
    financing,
    tranches: new TranchesService(file, rates),
    projectExpenses: new ProjectExpensesService(file, rates),
    indicators: new IndicatorsService(file),
    documents: new DocumentsService(file),
    dues: new DuesService(file, () => today()),
    duesScale: new DuesScaleService(file),
    duesCalls: new DuesCallsService(file, rates, language),
    duesPayments: new DuesPaymentsService(file, rates),
    letters: new LettersService(file, organisation, () => today()),
    budget: new BudgetService(file),
    budgetExpenses: new BudgetExpensesService(file, rates),
    sync: new SyncService(file, language, passwords),
  }
}

export interface CoreOptions {
  /** Where this machine's preferences and the demo file live (Electron's userData). */
  appFolder: string
  host: Host
  appVersion: string
  /** The clock the file tokens expire by (tests move it on). */
  clock?: () => number
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

  /** The files the page may act on, each behind a token (see FILE_CHANNELS). */
  readonly files: FileGrants

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

  /** Sets, changes or removes the password that locks the window after `minutes` of inactivity. */
  async setLock(password: string | null, minutes: number): Promise<void> {
    await this.prefs.update({
      lock: password === null ? null : { hash: await hashPassword(password), minutes },
    })
  }

  fileInfo(): OpenFileInfo | null {
    if (!this.session) return null
    const info = this.session.file.info()
    return { ...info, name: basename(info.path) }
  }

  async setLanguage(language: Language): Promise<void> {
    await this.prefs.update({ language })
    this.options.host.stateChanged()
  }

  async setUserName(userName: string): Promise<void> {
    await this.prefs.update({ userName })
  }

  async openFile(path: string): Promise<OpenFileInfo> {
    if (this.session?.file.path === path) return this.requireFileInfo()
    const file = await DataFile.open(path)
    return this.attach(file)
  }

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
      await buildDemo(file)
    } catch (error) {
      await file.close()
      throw error
    }
    return this.attach(file)
  }

  async closeFile(): Promise<void> {
    this.stopAutoSync()
    this.files.revokePurpose('import-workbook')
    const session = this.session
    this.session = null
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
    this.stopAutoSync()
    const session = this.session
    this.session = null
    if (session) await session.file.close()
  }

  private async attach(file: DataFile): Promise<OpenFileInfo> {
    if (this.session) await this.session.file.close()
    // A workbook was checked against the file open then: it is chosen again for this one.
    this.files.revokePurpose('import-workbook')
    this.session = createSession(
      file,
      () => this.language(),
      () => this.prefs.get().backupFolders[file.path] ?? null,
      this.passwords,
    )
    await this.prefs.rememberFile(file.path)
    if (!file.readOnly) await this.backUp('open')
    this.lastBackupSeq = file.readOnly ? 0 : await this.changeSeq()
    this.startAutoSync()
    this.options.host.stateChanged()
    return this.requireFileInfo()
  }

  private autoSync: NodeJS.Timeout | null = null

  /**
   * Syncs the open file with its target every few minutes while it can be reached (a laptop
   * back on the office network, a USB stick plugged in); the report is kept for
   * Paramètres → Synchronisation. A failure waits for the next round or a sync by hand.
   */
  private startAutoSync(): void {
    this.stopAutoSync()
    this.autoSync = setInterval(() => {
      const session = this.session
      if (!session || session.file.readOnly) return
      void session.sync
        .status()
        .then(async ({ folder, server }) => {
          if (server || (folder && (await exists(folder))))
            await session.sync.syncNow(this.author())
        })
        .catch(() => undefined)
    }, AUTO_SYNC_MS)
    this.autoSync.unref()
  }

  private stopAutoSync(): void {
    if (this.autoSync) clearInterval(this.autoSync)
    this.autoSync = null
  }

  private lastBackupSeq = 0
  private lastBackupAt = 0

  /**
   * Backs the open file up. A backup that cannot be made (disk full, read-only folder) is logged
   * and does not stop the work: the data already written is intact.
   */
  async backUp(trigger: 'open' | 'hourly' | 'manual'): Promise<void> {
    const session = this.session
    if (!session) return
    try {
      await session.backups.create(trigger)
      this.lastBackupAt = Date.now()
    } catch (error) {
      console.error('Backup failed:', error)
    }
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
    await session.backups.create('manual')
    return this.backupFolder()
  }

  backupFolder(): BackupFolder {
    const session = this.requireSession()
    return {
      folder: session.backups.folder(),
      isDefault: this.prefs.get().backupFolders[session.file.path] === undefined,
    }
  }

  /** Called every few minutes by the shell: backs up once an hour, if anything changed. */
  async backUpIfDue(): Promise<void> {
    if (
      !this.session ||
      this.session.file.readOnly ||
      Date.now() - this.lastBackupAt < 60 * 60 * 1000
    )
      return
    const seq = await this.changeSeq()
    if (seq === this.lastBackupSeq) return
    await this.backUp('hourly')
    this.lastBackupSeq = seq
  }

  /**
   * A file that will not open because it is damaged: its newest sound backup takes its place
   * (the damaged file is kept beside the backups), then it opens.
   */
  async recoverDamagedFile(path: string): Promise<OpenFileInfo> {
    if (this.session?.file.path === path) throw new AppFailure('CONFLICT')
    await recoverFromLatestBackup(path)
    return this.openFile(path)
  }

  /** Replaces the open file by one of its backups, after backing the current state up. */
  async restoreBackup(name: string): Promise<OpenFileInfo> {
    const session = this.requireSession()
    const backupPath = await session.backups.pathOf(name)
    await session.backups.create('restore')
    const path = session.file.path
    this.session = null
    await session.file.close()
    await replaceWithBackup(path, backupPath)
    return this.attach(await DataFile.open(path))
  }

  /**
   * Checks a workbook against the file and, unless told to stop there or a blocking problem was
   * found, imports it all or nothing.
   */
  async importWorkbook(
    path: string,
    dryRun: boolean,
    options: ImportOptions = {},
  ): Promise<WorkbookReport> {
    const session = this.requireSession()
    const checked = await checkWorkbook(session, path, this.language())
    if (dryRun || checked.report.problems.some((p) => p.blocking)) return checked.report
    return importAllOrNothing(session, checked, this.author(), options)
  }

  private async changeSeq(): Promise<number> {
    const db = this.session?.file.db
    if (!db) return 0
    const row = await db
      .selectFrom('change_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst()
    return Number(row?.seq ?? 0)
  }

  private requireFileInfo(): OpenFileInfo {
    const info = this.fileInfo()
    if (!info) throw new AppFailure('NO_FILE')
    return info
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}
