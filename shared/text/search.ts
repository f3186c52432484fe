/** Printable ASCII and line breaks but `^` and `` ` ``, the two ASCII characters Unicode counts as diacritics. */
const PLAIN = /^[\t\n\r\x20-\x5d\x5f\x61-\x7e]*$/
/** What may be a diacritic once decomposed: anything outside that plain ASCII. */
const NOT_PLAIN = /[^\t\n\r\x20-\x5d\x5f\x61-\x7e]/gu
const DIACRITIC = /^\p{Diacritic}$/u

/**
 * Folds case and accents so that "geneve" finds "Genève" and "quebec" finds "Québec". A list
 * folds every row it searches (50,000 expenses in a year): plain text skips the decomposition,
 * and only the characters outside plain ASCII are tested as diacritics, rather than running
 * the Unicode property over every character. Lower case is the same in French as in the root
 * locale (only Turkish, Azeri and Lithuanian differ), and the root one is the fast one.
 */
export function foldForSearch(text: string): string {
  if (PLAIN.test(text)) return text.toLowerCase()
  return text
    .normalize('NFD')
    .replace(NOT_PLAIN, (character) => (DIACRITIC.test(character) ? '' : character))
    .toLowerCase()
}

/** The folded words of a query. */
export function searchWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean)
}

/** The texts of a record as one folded text, to be searched many times. */
export function searchableText(texts: readonly (string | null | undefined)[]): string {
  return foldForSearch(texts.filter(Boolean).join(' '))
}

/** True when every word (folded, from {@link searchWords}) appears in a searchable text. */
export function containsWords(searchable: string, words: readonly string[]): boolean {
  return words.every((word) => searchable.includes(word))
}

/** True when every word of the query appears in one of the texts. */
export function matchesSearch(
  query: string,
  texts: readonly (string | null | undefined)[],
): boolean {
  const words = searchWords(query)
  return words.length === 0 || containsWords(searchableText(texts), words)
}

/**
 * Whether a choice of a list answers what was typed, case and accents ignored: every word in its
 * label (« etats » finds « États-Unis », « lome » finds « Lomé »), or the start of its code
 * (« US » finds the United States and USD).
 */
export function matchesChoice(query: string, label: string, code: string): boolean {
  const words = searchWords(query)
  if (words.length === 0) return true
  if (containsWords(foldForSearch(label), words)) return true
  return words.length === 1 && foldForSearch(code).startsWith(words[0] ?? '')
}
