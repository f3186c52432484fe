import { Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Area } from '../../app/app-store'

/** An area whose issue has not landed yet: says so plainly. */
export function PlaceholderPage({ area }: { area: Area }) {
  const { t } = useTranslation()
  return (
    <Stack>
      <Title order={1}>{t(`nav.${area}`)}</Title>
      <Text c="dimmed">{t('placeholder.body')}</Text>
    </Stack>
  )
}
