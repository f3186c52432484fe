import { channel } from '../contract/channel'
import type { SavedFile } from '../files/schema'
import { byId, reversalInput } from '../validation/fields'
import type { ProjectDetail, ProjectsBreakdown, ProjectSummary } from './schema'
import {
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
} from './schema'

/** The channels of the projects area (see shared/contract/channels.ts). */
export const PROJECTS_CHANNELS = {
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
} as const
