import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core'
import { matchesChoice } from '@shared/text/search'

function isGroup(item: ComboboxParsedItem): item is { group: string; items: ComboboxItem[] } {
  return 'group' in item
}

/** Every list's search: case and accents ignored, and a code found by its start (matchesChoice). */
export const foldedOptionsFilter: OptionsFilter = ({ options, search, limit }) => {
  const kept: ComboboxParsedItem[] = []
  for (const item of options) {
    if (kept.length >= limit) break
    if (isGroup(item)) {
      const items = item.items.filter((option) => matchesChoice(search, option.label, option.value))
      if (items.length > 0) kept.push({ group: item.group, items })
    } else if (matchesChoice(search, item.label, item.value)) {
      kept.push(item)
    }
  }
  return kept
}
