import { defineArea } from '../area'
import { projectLedgerProblems } from '../check/ledger-invariants'
import { registersOf } from '../workbook/register-order'
import { projects } from './projects-registers'
import { namedProjects, planLines } from './plan-registers'
import { tranches } from './tranches-register'
import { indicatorValues, indicators, projectExpenses } from './results-registers'
import { projectsServices } from './services'
import { projectsHandlers } from './projects-handlers'

/** The projects area: the handlers of its channels (shared/projects/channels.ts), its registers. */
export const projectsArea = defineArea({
  name: 'projects',
  services: projectsServices,
  handlers: projectsHandlers,
  registers: registersOf(
    projects,
    namedProjects,
    planLines,
    tranches,
    projectExpenses,
    indicators,
    indicatorValues,
  ),
  invariants: [projectLedgerProblems],
})
