import type { Language } from '@shared/i18n/locale'

/**
 * Names as a person types them, compared the forgiving way: « Fonds délié de l'AIMF » with a
 * straight apostrophe is « Fonds délié de l’AIMF », « geneve » is « Genève ». A name is taken
 * this way only when it names one thing; otherwise it is refused and the spellings said.
 */

/** A name without case, accents, typographic apostrophes, quotes and dashes, or double spaces. */
export function nameKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´ʼ′]/g, "'")
    .replace(/[«»“”„]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase()
}

/** What a name found: one record, several (ambiguous), or none. */
export type Found<T> =
  { kind: 'one'; value: T } | { kind: 'ambiguous'; names: string[] } | { kind: 'none' }

/**
 * Names and what each names, found exactly (without case) first, then forgivingly. Kept
 * current as names are added (an import adds the records it writes).
 */
export class NameIndex<T> {
  private readonly exact = new Map<string, T>()
  private readonly loose = new Map<string, Map<string, T>>()

  add(name: string, value: T): void {
    const lower = name.trim().toLowerCase()
    this.exact.set(lower, value)
    const key = nameKey(name)
    const named = this.loose.get(key) ?? new Map<string, T>()
    named.set(name.trim(), value)
    this.loose.set(key, named)
  }

  find(name: string): Found<T> {
    const exact = this.exact.get(name.trim().toLowerCase())
    if (exact !== undefined) return { kind: 'one', value: exact }
    const named = this.loose.get(nameKey(name))
    if (!named || named.size === 0) return { kind: 'none' }
    const values = new Set(named.values())
    if (values.size === 1) return { kind: 'one', value: [...values][0] as T }
    return { kind: 'ambiguous', names: [...named.keys()] }
  }

  /** Every name, as written. */
  names(): string[] {
    return [...this.loose.values()].flatMap((named) => [...named.keys()])
  }

  get size(): number {
    return this.loose.size
  }
}

/**
 * The names closest to one that was not found, for a refusal to suggest: those that contain
 * it, or are a few letters from it.
 */
export function closestNames(wanted: string, names: readonly string[], count = 3): string[] {
  const key = nameKey(wanted)
  if (!key) return []
  const scored: { name: string; score: number }[] = []
  for (const name of names) {
    const candidate = nameKey(name)
    const contains = candidate.includes(key) || key.includes(candidate)
    const distance = contains ? 0 : editDistance(key, candidate, Math.max(2, key.length >> 2))
    if (distance !== null) scored.push({ name, score: distance })
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((s) => s.name)
}

/** Levenshtein distance, or null when it is above `max` (computed no further then). */
function editDistance(a: string, b: string, max: number): number | null {
  if (Math.abs(a.length - b.length) > max) return null
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i]
    let lowest = i
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      )
      current.push(value)
      lowest = Math.min(lowest, value)
    }
    if (lowest > max) return null
    previous = current
  }
  const distance = previous[b.length] ?? 0
  return distance <= max ? distance : null
}

/** Names as a refusal lists them: « A », « B » in French, “A”, “B” in English. */
export function quotedNames(names: readonly string[], language: Language): string {
  return names.map((name) => (language === 'fr' ? `« ${name} »` : `“${name}”`)).join(', ')
}
