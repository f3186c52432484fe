import { COUNTRY_CODES, type CountryCode } from './countries'
import { INTL_LOCALE, type Language } from '../i18n/locale'

const displayNames = new Map<Language, Intl.DisplayNames>()

/** The country's name in the user's language: "Cameroun" / "Cameroon". */
export function countryName(code: string, language: Language): string {
  let names = displayNames.get(language)
  if (!names) {
    names = new Intl.DisplayNames([INTL_LOCALE[language]], { type: 'region', fallback: 'code' })
    displayNames.set(language, names)
  }
  return names.of(code) ?? code
}

/** Every country with its name, sorted by name in the user's language. */
export function countryOptions(language: Language): { code: CountryCode; name: string }[] {
  const collator = new Intl.Collator(INTL_LOCALE[language])
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, language) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  )
}
