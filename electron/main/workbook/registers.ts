import type { Register } from './register'
import { projects } from '../projects/projects-registers'
import { namedProjects, planLines } from '../projects/plan-registers'
import { tranches } from '../projects/tranches-register'
import { indicatorValues, indicators, projectExpenses } from '../projects/results-registers'
import { budgetExpenses, budgetItems, budgetVersions } from '../budget/budget-registers'
import { funders } from '../funders/funders-register'
import { programmes } from '../programmes/programmes-register'
import {
  rates,
  agreements,
  receipts,
  amendments,
  otherIncome,
  headings,
  instalments,
  calendar,
} from '../funds/funds-registers'
import { members, contacts, roles } from '../members/members-registers'
import { calls, scale, overrides, payments } from '../dues/dues-registers'

/** The registers in the order they are imported: what others refer to comes first. */
export const REGISTERS = [
  programmes,
  funders,
  rates,
  members,
  agreements,
  amendments,
  instalments,
  calendar,
  receipts,
  otherIncome,
  calls,
  payments,
  contacts,
  roles,
  scale,
  overrides,
  headings,
  projects,
  namedProjects,
  planLines,
  tranches,
  projectExpenses,
  indicators,
  indicatorValues,
  budgetVersions,
  budgetItems,
  budgetExpenses,
] as unknown as Register[]
