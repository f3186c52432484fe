import { z } from 'zod'
import type { AppState, OpenFileInfo } from '../app/schema'
import { languageInput, lockSettingsInput, unlockInput, userNameInput } from '../app/schema'
import type {
  AccountingPlanView,
  BankAccountView,
  PeriodsView,
  SentReportView,
} from '../accounting/schema'
import {
  accountInput,
  accountNumberInput,
  accountingSettingsInput,
  bankAccountInput,
  closePeriodInput,
  entriesExportInput,
  markSentInput,
  reopenPeriodInput,
  ruleInput,
  sentReportsQuery,
} from '../accounting/schema'
import type { BudgetExpense, BudgetVersion, BudgetView } from '../budget/schema'
import {
  adoptVersionInput,
  budgetExpenseInput,
  budgetItemInput,
  budgetViewInput,
  cancelExpenseInput,
  copyBudgetInput,
  expensesInput,
  versionInput,
  yearInput,
} from '../budget/schema'
import type { FileRef, SavedFile } from '../files/schema'
import { type RateImportReport, rateImportInput } from '../funds/rate-series'
import { fileTokenInput } from '../files/schema'
import type { ReportDocument, ReportJob } from '../reports/model'
import { reportExportInput, reportRequest } from '../reports/model'
import type { Job } from '../jobs/schema'
import { jobInput } from '../jobs/schema'
import type { WorkbookReport } from '../workbook/schema'
import {
  type Programme,
  programmeInput,
  programmeListQuery,
  programmeUpdate,
} from '../programmes/schema'
import type { Funder } from '../funders/schema'
import { funderInput, funderListQuery, funderUpdate } from '../funders/schema'
import type { HistoryEntry, JournalEntry } from '../history/schema'
import { journalQuery, recordHistoryQuery } from '../history/schema'
import type { Organisation } from '../organisation/schema'
import { organisationInput } from '../organisation/schema'
import { byId, reversalInput } from '../validation/fields'
import type { BackupFolder, BackupInfo, ChosenBackup } from '../backup/schema'
import {
  backupName,
  chooseBackupInput,
  recoverFromChosenInput,
  restoreChosenInput,
} from '../backup/schema'
import type { SyncConflict, SyncReport, SyncStatus } from '../sync/schema'
import {
  cancelDuplicateInput,
  connectServerInput,
  passphraseInput,
  resolveConflictInput,
} from '../sync/schema'
import type {
  Agreement,
  AgreementDetail,
  ExchangeRate,
  FundsSummary,
  OtherIncome,
} from '../funds/schema'
import type {
  CallPreviewRow,
  DuesCall,
  DuesPayment,
  DuesScale,
  DuesSettings,
  DuesSummary,
  MemberAccount,
} from '../dues/schema'
import {
  callAmountInput,
  callCancelInput,
  callListQuery,
  callRunInput,
  copyScaleInput,
  duesSettingsInput,
  memberContactInput,
  memberRoleInput,
  overrideInput,
  paymentInput,
  scaleInput,
  yearQuery,
} from '../dues/schema'
import type { LetterJobProgress, LetterJobResult, LetterTemplate } from '../dues/letters'
import { letterBatchInput, letterJobInput, letterTemplateInput } from '../dues/letters'
import type { Member } from '../members/schema'
import { memberInput, memberListQuery, memberUpdate } from '../members/schema'
import type { ProjectDetail, ProjectsBreakdown, ProjectSummary } from '../projects/schema'
import {
  agreementProjectInput,
  commitLineInput,
  documentInput,
  financingLineInput,
  indicatorInput,
  indicatorValueInput,
  projectExpenseInput,
  projectInput,
  projectListQuery,
  projectUpdate,
  sheetInput,
  trancheCancelInput,
  trancheDateInput,
  trancheInput,
  tranchePaymentInput,
  transitionInput,
} from '../projects/schema'
import {
  agreementInput,
  agreementListQuery,
  agreementUpdate,
  amendmentInput,
  atDateQuery,
  headingTemplateInput,
  headingsInput,
  instalmentInput,
  otherIncomeInput,
  rateInput,
  reportInput,
  reportStatusInput,
  rateListQuery,
  receiptInput,
  summaryQuery,
} from '../funds/schema'

/**
 * A channel: the schema its input must satisfy (checked in the main process, whatever the
 * renderer sent) and, as a type only, what it returns.
 */
export interface Channel<Input extends z.ZodType, Output> {
  readonly input: Input
  readonly output?: Output
}

function channel<Output>() {
  return <Input extends z.ZodType>(input: Input): Channel<Input, Output> => ({ input })
}

const none = z.strictObject({})

/**
 * Every call the interface can make to the core: the whole contract between them. The main
 * process registers exactly these, the preload exposes exactly these, and nothing else crosses.
 */
export const CHANNELS = {
  'app.getState': channel<AppState>()(none),
  'app.setLanguage': channel<AppState>()(languageInput),
  'app.setUserName': channel<AppState>()(userNameInput),
  'app.setLock': channel<AppState>()(lockSettingsInput),
  'app.lock': channel<AppState>()(none),
  'app.unlock': channel<AppState>()(unlockInput),

  'file.openDemo': channel<OpenFileInfo>()(none),
  'file.createWithDialog': channel<OpenFileInfo>()(none),
  'file.openWithDialog': channel<OpenFileInfo>()(none),
  'file.openRecent': channel<OpenFileInfo>()(fileTokenInput),
  'file.forgetRecent': channel<AppState>()(fileTokenInput),
  'file.recoverFromBackup': channel<OpenFileInfo>()(fileTokenInput),
  /** A damaged file (its token), restored from a file chosen with backups.chooseFile. */
  'file.recoverFromChosen': channel<OpenFileInfo>()(recoverFromChosenInput),
  'file.viewDamaged': channel<OpenFileInfo>()(fileTokenInput),
  'file.showInFolder': channel<null>()(none),
  'file.reveal': channel<null>()(fileTokenInput),
  'file.close': channel<AppState>()(none),

  'organisation.get': channel<Organisation>()(none),
  'organisation.update': channel<Organisation>()(organisationInput),
  'organisation.chooseLogo': channel<Organisation>()(none),
  'organisation.removeLogo': channel<Organisation>()(none),

  'funders.list': channel<Funder[]>()(funderListQuery),
  'funders.get': channel<Funder>()(byId),
  'funders.create': channel<Funder>()(funderInput),
  'funders.update': channel<Funder>()(funderUpdate),
  'funders.archive': channel<Funder>()(byId),
  'funders.restore': channel<Funder>()(byId),

  'programmes.list': channel<Programme[]>()(programmeListQuery),
  'programmes.create': channel<Programme>()(programmeInput),
  'programmes.update': channel<Programme>()(programmeUpdate),
  'programmes.archive': channel<Programme>()(byId),
  'programmes.restore': channel<Programme>()(byId),

  'rates.list': channel<ExchangeRate[]>()(rateListQuery),
  'rates.add': channel<ExchangeRate>()(rateInput),
  'rates.archive': channel<null>()(byId),
  /** A rate file (ECB CSV, InforEuro CSV or XML) chosen in a dialog, imported into its series. */
  'rates.import': channel<RateImportReport>()(rateImportInput),

  'agreements.list': channel<Agreement[]>()(agreementListQuery),
  'agreements.get': channel<AgreementDetail>()(atDateQuery),
  'agreements.create': channel<AgreementDetail>()(agreementInput),
  'agreements.update': channel<AgreementDetail>()(agreementUpdate),
  'agreements.archive': channel<AgreementDetail>()(byId),
  'agreements.restore': channel<AgreementDetail>()(byId),
  'agreements.addAmendment': channel<AgreementDetail>()(amendmentInput),
  'agreements.addReport': channel<AgreementDetail>()(reportInput),
  'agreements.setReportStatus': channel<AgreementDetail>()(reportStatusInput),
  'agreements.addInstalment': channel<AgreementDetail>()(instalmentInput),
  'agreements.removeInstalment': channel<AgreementDetail>()(byId),
  'agreements.applyHeadingTemplate': channel<AgreementDetail>()(headingTemplateInput),
  'agreements.saveHeadings': channel<AgreementDetail>()(headingsInput),

  'agreements.nameProject': channel<AgreementDetail>()(agreementProjectInput),
  'agreements.unnameProject': channel<AgreementDetail>()(agreementProjectInput),

  'receipts.add': channel<AgreementDetail>()(receiptInput),
  'receipts.cancel': channel<AgreementDetail>()(reversalInput),

  'funds.summary': channel<FundsSummary>()(summaryQuery),
  'funds.otherIncome': channel<OtherIncome[]>()(none),
  'funds.addOtherIncome': channel<OtherIncome[]>()(otherIncomeInput),
  'funds.cancelOtherIncome': channel<OtherIncome[]>()(reversalInput),

  'members.list': channel<Member[]>()(memberListQuery),
  'members.get': channel<Member>()(byId),
  'members.create': channel<Member>()(memberInput),
  'members.update': channel<Member>()(memberUpdate),
  'members.archive': channel<Member>()(byId),
  'members.restore': channel<Member>()(byId),
  'members.account': channel<MemberAccount>()(byId),
  'members.addRole': channel<MemberAccount>()(memberRoleInput),
  'members.removeRole': channel<MemberAccount>()(byId),
  'members.addContact': channel<MemberAccount>()(memberContactInput),
  'members.removeContact': channel<MemberAccount>()(byId),

  'dues.scale': channel<DuesScale>()(yearQuery),
  'dues.saveScale': channel<DuesScale>()(scaleInput),
  'dues.copyScale': channel<DuesScale>()(copyScaleInput),
  'dues.setOverride': channel<DuesScale>()(overrideInput),
  'dues.removeOverride': channel<DuesScale>()(byId),
  'dues.previewCalls': channel<CallPreviewRow[]>()(callRunInput),
  'dues.generateCalls': channel<{ created: number }>()(callRunInput),
  'dues.calls': channel<DuesCall[]>()(callListQuery),
  'dues.changeCallAmount': channel<DuesCall>()(callAmountInput),
  'dues.cancelCall': channel<DuesCall>()(callCancelInput),
  'dues.payments': channel<DuesPayment[]>()(yearQuery),
  'dues.addPayment': channel<DuesPayment>()(paymentInput),
  'dues.cancelPayment': channel<MemberAccount>()(reversalInput),
  'dues.summary': channel<DuesSummary>()(yearQuery),
  'dues.settings': channel<DuesSettings>()(none),
  'dues.updateSettings': channel<DuesSettings>()(duesSettingsInput),

  'letters.templates': channel<LetterTemplate[]>()(none),
  'letters.saveTemplate': channel<LetterTemplate[]>()(letterTemplateInput),
  'letters.begin': channel<LetterJobProgress>()(letterBatchInput),
  'letters.step': channel<LetterJobProgress & { result: (LetterJobResult & SavedFile) | null }>()(
    letterJobInput,
  ),
  'letters.cancel': channel<null>()(letterJobInput),

  'projects.list': channel<ProjectSummary[]>()(projectListQuery),
  'projects.breakdown': channel<ProjectsBreakdown>()(projectListQuery),
  'projects.get': channel<ProjectDetail>()(byId),
  'projects.create': channel<ProjectDetail>()(projectInput),
  'projects.update': channel<ProjectDetail>()(projectUpdate),
  'projects.archive': channel<ProjectDetail>()(byId),
  'projects.restore': channel<ProjectDetail>()(byId),
  'projects.transition': channel<ProjectDetail>()(transitionInput),
  'projects.addFinancingLine': channel<ProjectDetail>()(financingLineInput),
  'projects.removeFinancingLine': channel<ProjectDetail>()(byId),
  'projects.commitFinancingLine': channel<ProjectDetail>()(commitLineInput),
  'projects.uncommitFinancingLine': channel<ProjectDetail>()(reversalInput),
  'projects.addTranche': channel<ProjectDetail>()(trancheInput),
  'projects.trancheConditionMet': channel<ProjectDetail>()(trancheDateInput),
  'projects.releaseTranche': channel<ProjectDetail>()(trancheDateInput),
  'projects.payTranche': channel<ProjectDetail>()(tranchePaymentInput),
  'projects.cancelTranchePayment': channel<ProjectDetail>()(reversalInput),
  'projects.cancelTranche': channel<ProjectDetail>()(trancheCancelInput),
  'projects.addExpense': channel<ProjectDetail>()(projectExpenseInput),
  'projects.removeExpense': channel<ProjectDetail>()(byId),
  'projects.addIndicator': channel<ProjectDetail>()(indicatorInput),
  'projects.removeIndicator': channel<ProjectDetail>()(byId),
  'projects.addIndicatorValue': channel<ProjectDetail>()(indicatorValueInput),
  'projects.removeIndicatorValue': channel<ProjectDetail>()(byId),
  'projects.attachDocument': channel<ProjectDetail>()(documentInput),
  'projects.openDocument': channel<null>()(byId),
  'projects.detachDocument': channel<ProjectDetail>()(byId),
  'projects.exportSheet': channel<SavedFile>()(sheetInput),

  'budget.versions': channel<BudgetVersion[]>()(none),
  'budget.create': channel<BudgetView>()(yearInput),
  'budget.copyToYear': channel<BudgetView>()(copyBudgetInput),
  'budget.revise': channel<BudgetView>()(versionInput),
  'budget.adopt': channel<BudgetView>()(adoptVersionInput),
  'budget.setCurrent': channel<BudgetView>()(versionInput),
  'budget.view': channel<BudgetView>()(budgetViewInput),
  'budget.saveItem': channel<BudgetView>()(budgetItemInput),
  'budget.removeItem': channel<BudgetView>()(byId),
  'budget.expenses': channel<BudgetExpense[]>()(expensesInput),
  'budget.addExpense': channel<BudgetExpense[]>()(budgetExpenseInput),
  'budget.cancelExpense': channel<BudgetExpense[]>()(cancelExpenseInput),

  'reports.preview': channel<ReportDocument>()(reportRequest),
  'reports.begin': channel<ReportJob>()(reportExportInput),
  'reports.progress': channel<ReportJob>()(jobInput),
  'reports.cancel': channel<null>()(jobInput),
  'reports.iati': channel<SavedFile>()(none),

  'workbook.template': channel<SavedFile>()(none),
  'workbook.export': channel<SavedFile>()(none),
  /**
   * The workbook chosen, the job of its check (the import rolled back), and the token that
   * imports it (`import-workbook`).
   */
  'workbook.check': channel<FileRef & { job: Job<WorkbookReport> }>()(none),
  'workbook.import': channel<Job<WorkbookReport>>()(fileTokenInput),
  'workbook.progress': channel<Job<WorkbookReport>>()(jobInput),
  'workbook.cancel': channel<null>()(jobInput),

  'backups.list': channel<BackupInfo[]>()(none),
  'backups.create': channel<BackupInfo[]>()(none),
  'backups.restore': channel<OpenFileInfo>()(backupName),
  'backups.delete': channel<BackupInfo[]>()(backupName),
  /** A native dialog to choose a file to restore from; the path stays in the core. */
  'backups.chooseFile': channel<ChosenBackup>()(chooseBackupInput),
  'backups.restoreChosen': channel<OpenFileInfo>()(restoreChosenInput),
  'backups.folder': channel<BackupFolder>()(none),
  'backups.chooseFolder': channel<BackupFolder>()(none),
  'backups.useDefaultFolder': channel<BackupFolder>()(none),

  'sync.status': channel<SyncStatus>()(none),
  'sync.chooseFolder': channel<SyncStatus>()(none),
  'sync.connectServer': channel<SyncStatus>()(connectServerInput),
  'sync.now': channel<SyncReport>()(none),
  'sync.conflicts': channel<SyncConflict[]>()(none),
  'sync.resolve': channel<SyncConflict[]>()(resolveConflictInput),
  'sync.cancelDuplicate': channel<SyncConflict[]>()(cancelDuplicateInput),
  'sync.missionCopy': channel<SavedFile>()(none),
  'sync.setPassphrase': channel<SyncStatus>()(passphraseInput),

  'accounting.plan': channel<AccountingPlanView>()(none),
  'accounting.saveAccount': channel<AccountingPlanView>()(accountInput),
  'accounting.removeAccount': channel<AccountingPlanView>()(accountNumberInput),
  'accounting.saveRule': channel<AccountingPlanView>()(ruleInput),
  'accounting.removeRule': channel<AccountingPlanView>()(byId),
  'accounting.saveBank': channel<AccountingPlanView>()(bankAccountInput),
  'accounting.archiveBank': channel<AccountingPlanView>()(byId),
  'accounting.bankAccounts': channel<BankAccountView[]>()(none),
  'accounting.saveSettings': channel<AccountingPlanView>()(accountingSettingsInput),
  'accounting.periods': channel<PeriodsView>()(none),
  'accounting.close': channel<PeriodsView>()(closePeriodInput),
  'accounting.reopen': channel<PeriodsView>()(reopenPeriodInput),
  'accounting.exportEntries': channel<
    SavedFile & {
      entries: number
      lines: number
      provisional: boolean
    }
  >()(entriesExportInput),
  'accounting.markSent': channel<SentReportView>()(markSentInput),
  'accounting.sentReports': channel<SentReportView[]>()(sentReportsQuery),

  'history.forRecord': channel<HistoryEntry[]>()(recordHistoryQuery),
  'history.journal': channel<JournalEntry[]>()(journalQuery),
  'history.exportJournal': channel<SavedFile & { rows: number }>()(journalQuery),
} as const

export type Channels = typeof CHANNELS
export type ChannelName = keyof Channels
export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[]

/** What the renderer passes (before defaults and trimming). */
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>
/** What the handler receives (after validation). */
export type ChannelParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>
export type ChannelOutput<C extends ChannelName> = Exclude<Channels[C]['output'], undefined>

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(CHANNELS, value)
}
