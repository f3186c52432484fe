import { matchesSearch } from '@shared/text/search'

export const PALETTE_GROUPS = [
  'commands',
  'funders',
  'agreements',
  'projects',
  'members',
  'calls',
] as const
export type PaletteGroup = (typeof PALETTE_GROUPS)[number]

/** One thing the palette can find: a record to open, or a command to run. */
export interface PaletteItem {
  id: string
  group: PaletteGroup
  label: string
  /** Shown beside the label, and searched too (a funder's country, a project's city). */
  detail?: string
  /** Searched but not shown (an acronym, an English title). */
  keywords?: readonly (string | null | undefined)[]
  run(): void
}

/** How many results of a group are shown: the palette stays one screen high. */
export const PER_GROUP = 6

/**
 * The items whose words contain every word typed, case and accents ignored (« lome » finds
 * Lomé; a word of a project's title finds it), in the groups' order, a few per group. With
 * nothing typed, the commands only.
 */
export function searchPalette(items: readonly PaletteItem[], query: string): PaletteItem[] {
  if (query.trim() === '') return items.filter((item) => item.group === 'commands')
  const found = items.filter((item) =>
    matchesSearch(query, [item.label, item.detail, ...(item.keywords ?? [])]),
  )
  return PALETTE_GROUPS.flatMap((group) =>
    found.filter((item) => item.group === group).slice(0, PER_GROUP),
  )
}
