import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { CATALOGS } from '@shared/i18n/translate'
import type { Catalog } from '@shared/i18n/messages/catalog'
import { DEFAULT_LANGUAGE, type Language } from '@shared/i18n/locale'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Catalog }
  }
}

/** i18next reads the same catalogs as the core (shared/i18n), so both speak alike. */
export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: {
      fr: { translation: CATALOGS.fr },
      en: { translation: CATALOGS.en },
    },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
}

export async function applyLanguage(language: Language): Promise<void> {
  if (i18next.language !== language) await i18next.changeLanguage(language)
  document.documentElement.lang = language
}
