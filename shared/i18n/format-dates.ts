import { INTL_LOCALE, type Language } from './locale'

const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>()

/** A moment for people, in their locale: "24 nov. 2026, 09:30". */
export function formatDateTime(iso: string, language: Language): string {
  let format = dateTimeFormats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[language], {
      dateStyle: 'medium',
      timeStyle: 'short',
    })
    dateTimeFormats.set(language, format)
  }
  return format.format(new Date(iso))
}

const dateFormats = new Map<Language, Intl.DateTimeFormat>()

/** A day (YYYY-MM-DD) for people: "24/11/2026" in French, "24/11/2026" in en-GB. */
export function formatDate(day: string | null, language: Language): string {
  if (!day) return ''
  let format = dateFormats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[language], { dateStyle: 'short', timeZone: 'UTC' })
    dateFormats.set(language, format)
  }
  return format.format(new Date(`${day}T00:00:00Z`))
}

export type DatePart = 'day' | 'month' | 'year'

const orders = new Map<Language, DatePart[]>()

/**
 * The order of day, month and year in the language's short dates, read from the format that
 * writes them, so that what a user types is read the way dates are shown: day first in fr-FR
 * and en-GB (`parse-dates.ts`).
 */
export function dateOrder(language: Language): DatePart[] {
  let order = orders.get(language)
  if (!order) {
    order = new Intl.DateTimeFormat(INTL_LOCALE[language], { dateStyle: 'short', timeZone: 'UTC' })
      .formatToParts(new Date(Date.UTC(2033, 10, 22)))
      .flatMap((part) =>
        part.type === 'day' || part.type === 'month' || part.type === 'year' ? [part.type] : [],
      )
    orders.set(language, order)
  }
  return order
}
