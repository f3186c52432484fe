import type { DataFile } from '../db/data-file'
import type { Session } from './session-services'
import type { Language } from '@shared/i18n/locale'
import { today } from '@shared/validation/dates'
import { AccountingPlanService } from '../accounting/plan-service'
import { PeriodsService } from '../accounting/periods-service'
import { SentReportsService } from '../accounting/sent-reports'
import { BackupService } from '../backup/backup-service'
import { BudgetExpensesService } from '../budget/budget-expenses-service'
import { BudgetService } from '../budget/budget-service'
import { DuesCallsService } from '../dues/dues-calls-service'
import { DuesPaymentsService } from '../dues/dues-payments-service'
import { DuesScaleService } from '../dues/dues-scale-service'
import { DuesService } from '../dues/dues-service'
import { LettersService } from '../dues/letters-service'
import { FundersService } from '../funders/funders-service'
import { AgreementTermsService } from '../funds/agreement-terms-service'
import { AgreementsService } from '../funds/agreements-service'
import { ExchangeRatesService } from '../funds/exchange-rates-service'
import { OtherIncomeService } from '../funds/other-income-service'
import { ReceiptsService } from '../funds/receipts-service'
import { HistoryService } from '../history/history-service'
import { MembersService } from '../members/members-service'
import { OrganisationService } from '../organisation/organisation-service'
import { ProgrammesService } from '../programmes/programmes-service'
import { DocumentsService } from '../projects/documents-service'
import { FinancingService } from '../projects/financing-service'
import { IndicatorsService } from '../projects/indicators-service'
import { ProjectExpensesService } from '../projects/project-expenses-service'
import { ProjectsService } from '../projects/projects-service'
import { TranchesService } from '../projects/tranches-service'
import { buildReport } from '../reports/build-report'
import { ServerPasswords } from '../sync/server-passwords'
import { SyncService } from '../sync/sync-service'

export type { Session } from './session-services'

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
  const session: Session = {
    language,
    file,
    funders: new FundersService(file),
    programmes: new ProgrammesService(file),
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
    accountingPlan: new AccountingPlanService(file),
    periods: new PeriodsService(file, () => today(), language),
    sentReports: new SentReportsService(
      file,
      (request, reportLanguage) => buildReport(session, request, reportLanguage),
      () => today(),
    ),
  }
  return session
}
