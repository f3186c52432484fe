import { ListSelect } from '../../components/ListSelect'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { SECTORS } from '@shared/projects/sectors'
import { useLanguage } from '../../lib/use-language'

/** The OECD DAC purpose codes shipped with the application, searchable by code or name. */
export function SectorSelect({
  label,
  value,
  onChange,
  error,
  required = false,
  w,
}: {
  label: string
  value: string | null
  onChange: (value: string | null) => void
  error?: string
  required?: boolean
  w?: number
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const data = useMemo(
    () =>
      SECTORS.map(([code, fr, en]) => ({
        value: code,
        label: `${code} — ${language === 'fr' ? fr : en}`,
      })),
    [language],
  )
  return (
    <ListSelect
      label={label}
      placeholder={required ? undefined : t('common.all')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable={!required}
      withAsterisk={required}
      limit={60}
      error={error}
      w={w}
      comboboxProps={{ width: 460, position: 'bottom-start' }}
    />
  )
}
