import { type ComponentType, lazy } from 'react'
import type { AppState, OpenFileInfo } from '@shared/app/schema'

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

/**
 * The areas of the sidebar, in its order, each with its screen: the one list the navigation,
 * the store's `Area` type and the Layout are derived from. An area's label is `nav.<key>` in the
 * catalogues. Adding an area's screen is one line here.
 */
export const AREA_SCREENS = {
  dashboard: screen(() => import('../features/dashboard/DashboardPage'), 'DashboardPage'),
  funders: screen(() => import('../features/funders/FundersArea'), 'FundersArea'),
  agreements: screen(() => import('../features/agreements/AgreementsArea'), 'AgreementsArea'),
  projects: screen(() => import('../features/projects/ProjectsPage'), 'ProjectsPage'),
  members: screen(() => import('../features/members/MembersArea'), 'MembersArea'),
  budget: screen(() => import('../features/budget/BudgetPage'), 'BudgetPage'),
  reports: screen(() => import('../features/reports/ReportsPage'), 'ReportsPage'),
  settings: screen(() => import('../features/settings/SettingsPage'), 'SettingsPage'),
  help: screen(() => import('../features/help/HelpPage'), 'HelpPage'),
} as const

export type Area = keyof typeof AREA_SCREENS
export const AREAS = Object.keys(AREA_SCREENS) as Area[]
