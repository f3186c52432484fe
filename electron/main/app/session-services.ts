import type { DataFile } from '../db/data-file'
import type { Language } from '@shared/i18n/locale'
import type { AccountingPlanService } from '../accounting/plan-service'
import type { PeriodsService } from '../accounting/periods-service'
import type { SentReportsService } from '../accounting/sent-reports'
import type { BackupService } from '../backup/backup-service'
import type { BudgetExpensesService } from '../budget/budget-expenses-service'
import type { BudgetService } from '../budget/budget-service'
import type { DuesCallsService } from '../dues/dues-calls-service'
import type { DuesPaymentsService } from '../dues/dues-payments-service'
import type { DuesScaleService } from '../dues/dues-scale-service'
import type { DuesService } from '../dues/dues-service'
import type { LettersService } from '../dues/letters-service'
import type { FundersService } from '../funders/funders-service'
import type { AgreementTermsService } from '../funds/agreement-terms-service'
import type { AgreementsService } from '../funds/agreements-service'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import type { OtherIncomeService } from '../funds/other-income-service'
import type { ReceiptsService } from '../funds/receipts-service'
import type { HistoryService } from '../history/history-service'
import type { MembersService } from '../members/members-service'
import type { OrganisationService } from '../organisation/organisation-service'
import type { ProgrammesService } from '../programmes/programmes-service'
import type { DocumentsService } from '../projects/documents-service'
import type { FinancingService } from '../projects/financing-service'
import type { IndicatorsService } from '../projects/indicators-service'
import type { ProjectExpensesService } from '../projects/project-expenses-service'
import type { ProjectsService } from '../projects/projects-service'
import type { TranchesService } from '../projects/tranches-service'
import type { SyncService } from '../sync/sync-service'

/** The services of the open file; they exist only while a file is open. */
export interface Session {
  file: DataFile
  /** The user's language, for the texts the core writes into records. */
  language: () => Language
  funders: FundersService
  programmes: ProgrammesService
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
  accountingPlan: AccountingPlanService
  periods: PeriodsService
  sentReports: SentReportsService
}
