import { BarChart } from '@mantine/charts'
import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FundsSummary } from '@shared/funds/schema'
import { formatNumber } from '@shared/i18n/format-number'
import { formatPercent } from '@shared/i18n/format-percent'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { Amount } from '../../components/Amount'
import { useLanguage } from '../../lib/use-language'

type Year = FundsSummary['untiedShareByYear'][number]

/**
 * The untied share of income, year by year, as a SHARE (0–100 %) with the 50 % line the
 * strategic plan aims at; the amounts behind each share in the tooltip and in the table beside.
 */
export function UntiedShareChart({ years }: { years: Year[] }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const lastTen = years.slice(-10)
  const seriesName = t('dashboard.share')
  const data = lastTen.map((y) => ({
    year: String(y.year),
    [seriesName]: y.share === null ? 0 : Math.round(y.share * 1000) / 10,
    untied: y.untied,
    total: y.total,
    share: y.share,
  }))
  const euros = (minor: number) => formatMoney(money(minor, 'EUR'), language)
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="dashboard-untied-share">
      <Title order={2} size="h4" id="dashboard-untied-share">
        {t('dashboard.untiedShare')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('dashboard.untiedShareHint')}
      </Text>
      {lastTen.length === 0 ? (
        <Text c="dimmed">{t('dashboard.noIncome')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Stack gap={4}>
            <BarChart
              h={260}
              data={data}
              dataKey="year"
              series={[{ name: seriesName, color: 'teal.7' }]}
              unit=" %"
              yAxisLabel={t('dashboard.shareUnit')}
              yAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100], width: 64 }}
              xAxisProps={{ interval: 0 }}
              valueFormatter={(value) => formatNumber(value, language)}
              referenceLines={[{ y: 50, color: 'red.7', strokeWidth: 2 }]}
              tooltipProps={{
                content: ({ payload }) => {
                  const point = payload?.[0]?.payload as (typeof data)[number] | undefined
                  if (!point) return null
                  return (
                    <Paper withBorder shadow="sm" p="xs">
                      <Text size="sm" fw={700}>
                        {point.year}
                      </Text>
                      <Text size="sm">
                        {t('dashboard.shareTooltip', {
                          share: point.share === null ? '—' : formatPercent(point.share, language),
                          untied: euros(point.untied),
                          total: euros(point.total),
                        })}
                      </Text>
                    </Paper>
                  )
                },
              }}
            />
            <Text size="xs" c="red.8">
              <span aria-hidden>━━ </span>
              {t('dashboard.shareReference')}
            </Text>
          </Stack>
          <Table withTableBorder aria-label={t('dashboard.untiedShare')} verticalSpacing={2}>
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
                    {y.share === null ? '—' : formatPercent(y.share, language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
      )}
    </Paper>
  )
}
