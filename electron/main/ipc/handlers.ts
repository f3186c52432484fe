import type { AppCore } from '../app/app-core'
import { appHandlers, fileHandlers } from '../app/app-handlers'
import { backupsHandlers } from '../backup/backup-handlers'
import { fundersHandlers } from '../funders/funders-handlers'
import {
  agreementsHandlers,
  fundsHandlers,
  ratesHandlers,
  receiptsHandlers,
} from '../funds/funds-handlers'
import { duesHandlers } from '../dues/dues-handlers'
import { lettersHandlers } from '../dues/letters-handlers'
import { historyHandlers } from '../history/history-handlers'
import { membersHandlers } from '../members/members-handlers'
import { projectsHandlers } from '../projects/projects-handlers'
import { organisationHandlers } from '../organisation/organisation-handlers'
import type { Handlers } from './handler'

/** Every channel's handler, in one place: each area contributes the handlers of its channels. */
export function createHandlers(core: AppCore): Handlers {
  return {
    ...appHandlers(core),
    ...fileHandlers(core),
    ...organisationHandlers(core),
    ...fundersHandlers(core),
    ...ratesHandlers(core),
    ...agreementsHandlers(core),
    ...receiptsHandlers(core),
    ...fundsHandlers(core),
    ...membersHandlers(core),
    ...projectsHandlers(core),
    ...duesHandlers(core),
    ...lettersHandlers(core),
    ...backupsHandlers(core),
    ...historyHandlers(core),
  }
}
