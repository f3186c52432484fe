/** Folds case and accents so that "geneve" finds "Genève" and "quebec" finds "Québec". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('fr')
}

/** True when every word of the query appears in one of the texts. */
export function matchesSearch(
  query: string,
  texts: readonly (string | null | undefined)[],
): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const haystack = foldForSearch(texts.filter(Boolean).join(' '))
  return words.every((word) => haystack.includes(word))
}
