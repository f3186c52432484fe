import type { AppCore } from '../app/app-core'
import { appHandlers, fileHandlers } from '../app/app-handlers'
import { backupsHandlers } from '../backup/backup-handlers'
import { syncHandlers } from '../sync/sync-handlers'
import { fundersHandlers } from '../funders/funders-handlers'
import {
  agreementsHandlers,
  fundsHandlers,
  ratesHandlers,
  receiptsHandlers,
} from '../funds/funds-handlers'
import { budgetHandlers } from '../budget/budget-handlers'
import { duesHandlers } from '../dues/dues-handlers'
import { reportsHandlers } from '../reports/reports-handlers'
import { workbookHandlers } from '../workbook/workbook-handlers'
import { lettersHandlers } from '../dues/letters-handlers'
import { historyHandlers } from '../history/history-handlers'
import { accountingHandlers } from '../accounting/accounting-handlers'
import { membersHandlers } from '../members/members-handlers'
import { projectsHandlers } from '../projects/projects-handlers'
import { organisationHandlers } from '../organisation/organisation-handlers'
import { programmesHandlers } from '../programmes/programmes-handlers'
import { AppFailure } from '../failure'
import { CHANNELS_WHILE_LOCKED } from '../lock/window-lock'
import type { Handlers } from './handler'

/**
 * Every channel's handler, in one place: each area contributes the handlers of its channels.
 * While the window is locked, only the lock screen's channels answer.
 */
export function createHandlers(core: AppCore): Handlers {
  return whileUnlocked(core, {
    ...appHandlers(core),
    ...fileHandlers(core),
    ...organisationHandlers(core),
    ...fundersHandlers(core),
    ...programmesHandlers(core),
    ...ratesHandlers(core),
    ...agreementsHandlers(core),
    ...receiptsHandlers(core),
    ...fundsHandlers(core),
    ...membersHandlers(core),
    ...projectsHandlers(core),
    ...duesHandlers(core),
    ...lettersHandlers(core),
    ...budgetHandlers(core),
    ...reportsHandlers(core),
    ...workbookHandlers(core),
    ...backupsHandlers(core),
    ...syncHandlers(core),
    ...historyHandlers(core),
    ...accountingHandlers(core),
  })
}

function whileUnlocked(core: AppCore, handlers: Handlers): Handlers {
  const guarded: Record<string, (input: never) => Promise<unknown>> = {}
  for (const [name, handler] of Object.entries(handlers) as [
    string,
    (input: never) => Promise<unknown>,
  ][]) {
    guarded[name] = CHANNELS_WHILE_LOCKED.has(name)
      ? handler
      : async (input) => {
          if (core.isLocked()) throw new AppFailure('LOCKED')
          return handler(input)
        }
  }
  return guarded as Handlers
}
