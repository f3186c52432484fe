import { channel, none } from '../contract/channel'
import type { BudgetExpense, BudgetVersion, BudgetView } from './schema'
import {
  adoptVersionInput,
  budgetExpenseInput,
  budgetItemInput,
  budgetViewInput,
  cancelExpenseInput,
  changeExpenseFundsInput,
  copyBudgetInput,
  expensesInput,
  versionInput,
  yearInput,
} from './schema'
import { byId } from '../validation/fields'
import { type SharingKey, sharingKeyInput } from './cost-sharing'

/** The channels of the budget area (see shared/contract/channels.ts). */
export const BUDGET_CHANNELS = {
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
  'budget.changeExpenseFunds': channel<BudgetExpense[]>()(changeExpenseFundsInput),
  'budget.sharingKeys': channel<SharingKey[]>()(none),
  'budget.saveSharingKey': channel<SharingKey[]>()(sharingKeyInput),
  'budget.removeSharingKey': channel<SharingKey[]>()(byId),
} as const
