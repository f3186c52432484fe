import { channel, none } from '../contract/channel'
import type { AccountingPlanView, BankAccountView, PeriodsView, SentReportView } from './schema'
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
} from './schema'
import type { SavedFile } from '../files/schema'
import { byId } from '../validation/fields'

/** The channels of the accounting area (see shared/contract/channels.ts). */
export const ACCOUNTING_CHANNELS = {
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
} as const
