import { foldForSearch } from './search'

/**
 * Type-ahead on a fixed list, as a native list does: the letters typed in quick succession
 * (`typed`) pick the first choice whose label starts with them, accents and case aside. One
 * letter typed again steps to the next choice starting with it, from the current one.
 * Returns the value to pick, or null when nothing starts so.
 */
export function typeAheadPick(
  choices: readonly { value: string; label: string }[],
  typed: string,
  current: string | null,
): string | null {
  const wanted = foldForSearch(typed)
  if (!wanted) return null
  const folded = choices.map((choice) => ({
    value: choice.value,
    label: foldForSearch(choice.label),
  }))
  const first = wanted.charAt(0)
  if ([...wanted].every((letter) => letter === first)) {
    // « m », « m » again: the next choice starting with « m » after the current, round to the first.
    const at = choices.findIndex((choice) => choice.value === current)
    const after = [...folded.slice(at + 1), ...folded.slice(0, at + 1)]
    return after.find((choice) => choice.label.startsWith(first))?.value ?? null
  }
  return folded.find((choice) => choice.label.startsWith(wanted))?.value ?? null
}
