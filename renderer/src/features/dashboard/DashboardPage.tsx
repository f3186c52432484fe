import { Alert, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '@shared/i18n/format-dates'
import { call, errorMessage } from '../../lib/api'
import { useApiData } from '../../lib/use-api-data'
import { useLanguage } from '../../lib/use-language'
import { DashboardAlerts } from './DashboardAlerts'
import { DuesFigures } from './DuesFigures'
import { FundsFigures } from './FundsFigures'
import { NatureFigures } from './NatureFigures'
import { ProjectCountsPanel } from './ProjectCountsPanel'
import { UntiedShareChart } from './UntiedShareChart'

const ALL = 'all'

/**
 * Tableau de bord: the alerts first, then tied and untied money, the untied share over the
 * years, operating vs investment, dues and projects — every figure read by the core (the same
 * readings as `aimf summary --json` and `aimf dues --json`) and a link to what is behind it.
 */
export function DashboardPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const [year, setYear] = useState<string>(ALL)
  const thisYear = new Date().getFullYear()
  // Dues are called by year: over all years, the dashboard shows this year's.
  const duesYear = year === ALL ? thisYear : Number(year)
  const { data, error } = useApiData(
    () =>
      Promise.all([
        call('funds.summary', year === ALL ? {} : { year: Number(year) }),
        call('dues.summary', { year: duesYear }),
      ]),
    [year, duesYear],
  )
  const years = useMemo(
    () => Array.from({ length: 10 }, (_, i) => String(thisYear - i)),
    [thisYear],
  )

  if (error) return <Alert color="red">{errorMessage(error, t('errors.INTERNAL'))}</Alert>
  if (!data) return null
  const [summary, dues] = data
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('dashboard.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('dashboard.asOf', { date: formatDate(summary.asOf, language) })}
          </Text>
        </div>
        <ListSelect
          label={t('dashboard.year')}
          data={[
            { value: ALL, label: t('dashboard.allYears') },
            ...years.map((y) => ({ value: y, label: y })),
          ]}
          value={year}
          onChange={(value) => setYear(value ?? ALL)}
          allowDeselect={false}
          w={200}
        />
      </Group>
      <DashboardAlerts summary={summary} />
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="sm">
        <FundsFigures summary={summary} />
        <Stack gap="sm">
          <DuesFigures dues={dues} />
          <NatureFigures summary={summary} />
        </Stack>
      </SimpleGrid>
      <UntiedShareChart years={summary.untiedShareByYear} />
      <ProjectCountsPanel projects={summary.projects} />
    </Stack>
  )
}
