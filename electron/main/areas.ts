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
 * Every area of the core. Adding an area is its folder and one line here: its channels are
 * registered (ipc/handlers.ts) and its services built into the session (app/create-session.ts)
 * from this list, in this order: an area comes after those whose services it is given (the
 * exchange rates before every money area, the organisation before the dues letters), which the
 * compiler checks.
 */
export const AREAS = [
  appArea,
  organisationArea,
  fundersArea,
  programmesArea,
  historyArea,
  fundsArea,
  backupArea,
  membersArea,
  duesArea,
  projectsArea,
  budgetArea,
  syncArea,
  accountingArea,
  reportsArea,
  workbookArea,
  closingArea,
] as const
