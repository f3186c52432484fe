import { formatPercent } from '@shared/i18n/format-percent'
import { BarChart } from '@mantine/charts'
import {
  Alert,
  Anchor,
  Badge,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FUND_FIGURE_KEYS, type AgreementAlert, type FundsSummary } from '@shared/funds/schema'
import { formatAmount } from '@shared/money/format'
import { money } from '@shared/money/money'
import { useAppStore } from '../../app/app-store'
import { Amount } from '../../components/Amount'
import { call, errorMessage } from '../../lib/api'
import { formatDate } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'

const ALL = 'all'

/**
 * Tableau de bord: tied and untied money at a glance, for a year or over all years, and the
 * untied share of income year by year — every figure read from the ledger by the core.
 */
export function DashboardPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const openAgreementsOf = useAppStore((s) => s.openAgreementsOf)
  const [year, setYear] = useState<string>(ALL)
  const [summary, setSummary] = useState<FundsSummary | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    let current = true
    call('funds.summary', year === ALL ? {} : { year: Number(year) }).then(
      (s) => current && setSummary(s),
      (failure: unknown) => current && setError(failure),
    )
    return () => {
      current = false
    }
  }, [year])

  const years = useMemo(() => {
    const thisYear = new Date().getFullYear()
    return Array.from({ length: 10 }, (_, i) => String(thisYear - i))
  }, [])
  // Every percentage in the one style (one decimal), as the reports write them.
  const percent = { format: (ratio: number) => formatPercent(ratio, language) }
  const euros = (minor: number) => formatAmount(money(minor, 'EUR'), language)

  if (error) return <Alert color="red">{errorMessage(error, t('errors.INTERNAL'))}</Alert>
  if (!summary) return null
  const tied = summary.byClass.tied
  const untied = summary.byClass.untied
  const lastTen = summary.untiedShareByYear.slice(-10)
  const chartData = lastTen.map((y) => ({
    year: String(y.year),
    [t('agreements.fundClass.untied')]: y.untied / 100,
    [t('agreements.fundClass.tied')]: (y.total - y.untied) / 100,
  }))

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('dashboard.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('dashboard.asOf', { date: formatDate(summary.asOf, language) })}
          </Text>
        </div>
        <Select
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

      <Paper withBorder p="md" component="section" aria-labelledby="dashboard-funds">
        <Title order={2} size="h4" id="dashboard-funds" mb="sm">
          {t('dashboard.fundsTitle')}
        </Title>
        <Table striped withTableBorder aria-labelledby="dashboard-funds">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {(['tied', 'untied'] as const).map((fundClass) => (
                <Table.Th key={fundClass} ta="right">
                  <Anchor
                    component="button"
                    size="sm"
                    fw={700}
                    onClick={() => openAgreementsOf(fundClass)}
                  >
                    {t(`agreements.fundClass.${fundClass}`)}
                  </Anchor>
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('dashboard.total')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.share')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {FUND_FIGURE_KEYS.map((key) => {
              const total = tied[key] + untied[key]
              return (
                <Table.Tr key={key} data-figure={key}>
                  <Table.Th scope="row">{t(`agreements.figure.${key}`)}</Table.Th>
                  <Table.Td ta="right" data-class="tied">
                    <Amount minor={tied[key]} currency="EUR" />
                  </Table.Td>
                  <Table.Td ta="right" data-class="untied">
                    <Amount minor={untied[key]} currency="EUR" />
                  </Table.Td>
                  <Table.Td ta="right" data-class="total">
                    <Amount minor={total} currency="EUR" />
                  </Table.Td>
                  <Table.Td ta="right">
                    {total > 0 ? percent.format(untied[key] / total) : '—'}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="dashboard-nature">
        <Title order={2} size="h4" id="dashboard-nature" mb="sm">
          {t('dashboard.natureTitle')}
        </Title>
        <Table striped withTableBorder aria-labelledby="dashboard-nature" maw={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th ta="right">{t('agreements.figure.committed')}</Table.Th>
              <Table.Th ta="right">{t('agreements.figure.spent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(['operating', 'investment'] as const).map((nature) => (
              <Table.Tr key={nature}>
                <Table.Th scope="row">{t(`agreements.nature.${nature}`)}</Table.Th>
                <Table.Td ta="right">
                  <Amount minor={summary.byNature[nature].committed} currency="EUR" />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount minor={summary.byNature[nature].spent} currency="EUR" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="dashboard-untied-share">
        <Title order={2} size="h4" id="dashboard-untied-share">
          {t('dashboard.untiedShare')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('dashboard.untiedShareHint')}
        </Text>
        {lastTen.length === 0 ? (
          <Text c="dimmed">{t('dashboard.noIncome')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <BarChart
              h={260}
              data={chartData}
              dataKey="year"
              type="stacked"
              valueFormatter={(value) => euros(Math.round(value * 100))}
              series={[
                { name: t('agreements.fundClass.untied'), color: 'teal.7' },
                { name: t('agreements.fundClass.tied'), color: 'blue.7' },
              ]}
              withLegend
            />
            <Table withTableBorder aria-label={t('dashboard.untiedShare')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.year')}</Table.Th>
                  <Table.Th ta="right">{t('agreements.fundClass.untied')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.total')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.share')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lastTen.map((y) => (
                  <Table.Tr key={y.year}>
                    <Table.Td>{y.year}</Table.Td>
                    <Table.Td ta="right">
                      <Amount minor={y.untied} currency="EUR" />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount minor={y.total} currency="EUR" />
                    </Table.Td>
                    <Table.Td ta="right">
                      {y.share === null ? '—' : percent.format(y.share)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </SimpleGrid>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-label={t('dashboard.reportsDue')}>
        <Title order={2} size="h4" mb="sm">
          {t('dashboard.reportsDue')}
        </Title>
        {summary.reportsDue.length === 0 ? (
          <Text c="dimmed">{t('dashboard.noReportsDue')}</Text>
        ) : (
          <Table aria-label={t('dashboard.reportsDue')}>
            <Table.Tbody>
              {summary.reportsDue.map((r) => (
                <Table.Tr key={`${r.agreementId}-${r.dueOn}-${r.kind}`}>
                  <Table.Td>
                    <AgreementLink id={r.agreementId} reference={r.reference} />
                  </Table.Td>
                  <Table.Td>{t(`reports.kinds.${r.kind}`)}</Table.Td>
                  <Table.Td>{formatDate(r.dueOn, language)}</Table.Td>
                  <Table.Td>
                    {r.overdue && (
                      <Badge color="red" size="sm">
                        {t('reports.overdue')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <AlertList
          title={t('dashboard.endingSoon')}
          empty={t('dashboard.noneEnding')}
          alerts={summary.endingSoon}
        />
        <AlertList
          title={t('dashboard.lapsingRisk')}
          empty={t('dashboard.noneLapsing')}
          alerts={summary.lapsingRisk}
        />
      </SimpleGrid>
    </Stack>
  )
}

/** Every figure leads to the records behind it: here, the agreement's page. */
function AgreementLink({ id, reference }: { id: string; reference: string }) {
  const { t } = useTranslation()
  const openAgreement = useAppStore((s) => s.openAgreement)
  return (
    <Anchor
      component="button"
      size="sm"
      onClick={() => openAgreement(id)}
      aria-label={t('agreements.open', { reference })}
    >
      {reference}
    </Anchor>
  )
}

function AlertList({
  title,
  empty,
  alerts,
}: {
  title: string
  empty: string
  alerts: AgreementAlert[]
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {alerts.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <Table aria-label={title}>
          <Table.Tbody>
            {alerts.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <AgreementLink id={a.id} reference={a.reference} />
                </Table.Td>
                <Table.Td>{a.funderName}</Table.Td>
                <Table.Td>{formatDate(a.endsOn, language)}</Table.Td>
                <Table.Td ta="right" title={t('agreements.figure.available')}>
                  <Amount minor={a.availableEur} currency="EUR" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
