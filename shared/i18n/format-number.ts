import { INTL_LOCALE, type Language } from './locale'

/** A count for people: "200 000" in French, "200,000" in English. */
export function formatCount(count: number, language: Language): string {
  return new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits: 0 }).format(count)
}
