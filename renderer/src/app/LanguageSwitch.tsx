import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, isLanguage } from '@shared/i18n/locale'
import { useAppStore } from './app-store'

/** FR / EN, remembered on this machine. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const setLanguage = useAppStore((s) => s.setLanguage)
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('settings.language')}
      value={i18n.language}
      onChange={(value) => {
        if (isLanguage(value)) void setLanguage(value)
      }}
      data={LANGUAGES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
    />
  )
}
