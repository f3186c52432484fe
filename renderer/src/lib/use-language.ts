import { useTranslation } from 'react-i18next'
import { type Language, isLanguage } from '@shared/i18n/locale'

/** The interface's language, typed. */
export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return isLanguage(i18n.language) ? i18n.language : 'fr'
}
