/** The languages of the interface; French is the default. */
export const LANGUAGES = ['fr', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'fr'

/**
 * The Intl locale behind each language. English uses en-GB: day/month/year dates, as read
 * across the francophone network's partners, rather than US month/day.
 */
export const INTL_LOCALE: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' }

export function isLanguage(value: unknown): value is Language {
  return value === 'fr' || value === 'en'
}
