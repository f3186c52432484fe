import { isIsoDate } from '../validation/dates'
import { type DatePart, dateOrder } from './format-dates'
import type { Language } from './locale'

/** The pattern a user is shown (« jj/mm/aaaa », « dd/mm/yyyy »), from the same order. */
export function datePattern(language: Language, letters: Record<DatePart, string>): string {
  return dateOrder(language)
    .map((part) => letters[part].repeat(part === 'year' ? 4 : 2))
    .join('/')
}

/**
 * A day typed by a user, in the order of its language (31/12/2026, 31.12.2026, 31-12-2026,
 * 1/2/2026) or as ISO (2026-12-31), as YYYY-MM-DD; null when it is no day that exists. A
 * two-digit year is refused rather than guessed.
 */
export function parseUserDate(text: string, language: Language): string | null {
  const typed = text.trim()
  if (isIsoDate(typed)) return typed
  const pieces = /^(\d{1,4})[/.\- ](\d{1,2})[/.\- ](\d{1,4})$/.exec(typed)
  if (!pieces) return null
  const values: Partial<Record<DatePart, string>> = {}
  dateOrder(language).forEach((part, index) => {
    values[part] = pieces[index + 1]
  })
  const { day, month, year } = values
  if (!day || !month || !year || year.length !== 4 || day.length > 2) return null
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  return isIsoDate(iso) ? iso : null
}
