import { INTL_LOCALE, type Language } from './locale'

/** A count for people: "200 000" in French, "200,000" in English. */
export function formatCount(count: number, language: Language): string {
  return new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits: 0 }).format(count)
}

const numberFormats = new Map<Language, Intl.NumberFormat>()

/** A measured number for people, with the decimals it has (up to three): "1 234,5", "1,234.5". */
export function formatNumber(value: number, language: Language): string {
  let format = numberFormats.get(language)
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits: 3 })
    numberFormats.set(language, format)
  }
  return format.format(value)
}
