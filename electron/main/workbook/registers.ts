import type { Register } from './register'
import { projects } from '../projects/projects-registers'
import { namedProjects, planLines } from '../projects/plan-registers'
import { tranches } from '../projects/tranches-register'
import { indicatorValues, indicators, projectExpenses } from '../projects/results-registers'
import { budgetExpenses } from '../budget/registers/budget-expenses'
import { budgetItems } from '../budget/registers/budget-items'
import { budgetVersions } from '../budget/registers/budget-versions'
import { funders } from '../funders/funders-register'
import { programmes } from '../programmes/programmes-register'
import { agreements, amendments } from '../funds/registers/agreements'
import { headings } from '../funds/registers/headings'
import { calendar, instalments } from '../funds/registers/instalments'
import { rates } from '../funds/registers/rates'
import { otherIncome, receipts } from '../funds/registers/receipts'
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
