import { INTL_LOCALE, type Language } from '../../../shared/i18n/locale'

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
