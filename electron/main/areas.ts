import { appArea } from './app/area'
import { organisationArea } from './organisation/area'
import { fundersArea } from './funders/area'
import { programmesArea } from './programmes/area'
import { fundsArea } from './funds/area'
import { membersArea } from './members/area'
import { duesArea } from './dues/area'
import { projectsArea } from './projects/area'
import { budgetArea } from './budget/area'
import { reportsArea } from './reports/area'
import { workbookArea } from './workbook/area'
import { backupArea } from './backup/area'
import { syncArea } from './sync/area'
import { accountingArea } from './accounting/area'
import { historyArea } from './history/area'
import { closingArea } from './closing/area'

/**
 * Every area of the core, in the order of the contract (shared/contract/channels.ts). Adding
 * an area is its folder and one line here: its handlers are registered from this list.
 */
export const AREAS = [
  appArea,
  organisationArea,
  fundersArea,
  programmesArea,
  fundsArea,
  membersArea,
  duesArea,
  projectsArea,
  budgetArea,
  reportsArea,
  workbookArea,
  backupArea,
  syncArea,
  accountingArea,
  historyArea,
  closingArea,
] as const
