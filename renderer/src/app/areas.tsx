import { type ComponentType, lazy } from 'react'
import type { AppState, OpenFileInfo } from '@shared/app/schema'
import type { Area } from './area-names'

export { AREAS, type Area } from './area-names'

/** What an area's screen is given: the application's state and the open file. */
export interface AreaProps {
  state: AppState
  file: OpenFileInfo
}

/**
 * An area's screen, loaded when it is first shown, so that the window opens on what the first
 * screen needs (the dashboard's charts, the report and import screens come later).
 */
function screen<Name extends string>(
  load: () => Promise<Record<Name, ComponentType<AreaProps>>>,
  name: Name,
) {
  return lazy(async (): Promise<{ default: ComponentType<AreaProps> }> => ({
    default: (await load())[name],
  }))
}

/** The screen of each area of the sidebar (area-names.ts), in its order. */
export const AREA_SCREENS: Record<Area, ComponentType<AreaProps>> = {
  dashboard: screen(() => import('../features/dashboard/DashboardPage'), 'DashboardPage'),
  funders: screen(() => import('../features/funders/FundersArea'), 'FundersArea'),
  agreements: screen(() => import('../features/agreements/AgreementsArea'), 'AgreementsArea'),
  projects: screen(() => import('../features/projects/ProjectsPage'), 'ProjectsPage'),
  members: screen(() => import('../features/members/MembersArea'), 'MembersArea'),
  budget: screen(() => import('../features/budget/BudgetPage'), 'BudgetPage'),
  reports: screen(() => import('../features/reports/ReportsPage'), 'ReportsPage'),
  settings: screen(() => import('../features/settings/SettingsPage'), 'SettingsPage'),
  help: screen(() => import('../features/help/HelpPage'), 'HelpPage'),
}
