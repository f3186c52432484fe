/**
 * The areas of the sidebar, in its order: the navigation, the store's `Area` type and the
 * Layout are derived from this list, and app/areas.tsx gives each its screen (the compiler
 * refuses an area without one). An area's label is `nav.<key>` in the catalogues. It imports
 * no screen, so that the store and the screens, which navigate, can name an area.
 */
export const AREAS = [
  'dashboard',
  'funders',
  'agreements',
  'projects',
  'members',
  'budget',
  'reports',
  'settings',
  'help',
] as const

export type Area = (typeof AREAS)[number]
