import { Anchor, Paper, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FundFigures, FundsSummary } from '@shared/funds/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { formatPercent } from '@shared/i18n/format-percent'
import { useAppStore } from '../../app/app-store'
import { Amount } from '../../components/Amount'
import { useLanguage } from '../../lib/use-language'
import { FigureLink } from './FigureLink'

/** What happened in the period (flows), then where it stands at the period's end (balances). */
const FLOWS = ['committed', 'received', 'allocated', 'spent'] as const
const BALANCES = ['expected', 'available', 'unallocated'] as const
const CLASSES = ['tied', 'untied'] as const

/**
 * Tied and untied money: the year's flows and the balances at its end, each group labelled as
 * such (a year must not read as mixing the two); every amount opens the agreements behind it.
 */
export function FundsFigures({ summary }: { summary: FundsSummary }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const openAgreementsOf = useAppStore((s) => s.openAgreementsOf)
  const flowsTitle =
    summary.year === null
      ? t('dashboard.flowsAllYears')
      : t('dashboard.flowsOfYear', { year: summary.year })
  const balancesTitle = t('dashboard.balancesAt', { date: formatDate(summary.asOf, language) })
  const { tied, untied } = summary.byClass
  const row = (key: keyof FundFigures) => {
    const total = tied[key] + untied[key]
    return (
      <Table.Tr key={key} data-figure={key}>
        <Table.Th scope="row" fw={400} pl="lg">
          {t(`agreements.figure.${key}`)}
        </Table.Th>
        {CLASSES.map((fundClass) => (
          <Table.Td key={fundClass} ta="right" data-class={fundClass}>
            <FigureLink
              label={t('dashboard.openClass', {
                fundClass: t(`agreements.fundClass.${fundClass}`).toLowerCase(),
              })}
              onOpen={() => openAgreementsOf(fundClass)}
            >
              <Amount minor={summary.byClass[fundClass][key]} currency="EUR" />
            </FigureLink>
          </Table.Td>
        ))}
        <Table.Td ta="right" data-class="total">
          <Amount minor={total} currency="EUR" />
        </Table.Td>
        <Table.Td ta="right">
          {total > 0 ? formatPercent(untied[key] / total, language) : '—'}
        </Table.Td>
      </Table.Tr>
    )
  }
  // The conversion rules' exchange difference on its own line, below the figure it reconciles:
  // spent by the rules less it, and available by them plus it, are the ledger's.
  const difference = (part: 'period' | 'held') => {
    const of = (fundClass: (typeof CLASSES)[number]) =>
      (part === 'period' ? -1 : 1) * summary.exchangeDifference[fundClass][part]
    if (of('tied') === 0 && of('untied') === 0) return null
    return (
      <Table.Tr key={`${part}-difference`} data-figure="exchangeDifference">
        <Table.Th scope="row" fw={400} pl="lg" fs="italic">
          {t('conversion.fundLine')}
        </Table.Th>
        {CLASSES.map((fundClass) => (
          <Table.Td key={fundClass} ta="right" data-class={fundClass}>
            <Amount minor={of(fundClass)} currency="EUR" />
          </Table.Td>
        ))}
        <Table.Td ta="right" data-class="total">
          <Amount minor={of('tied') + of('untied')} currency="EUR" />
        </Table.Td>
        <Table.Td />
      </Table.Tr>
    )
  }
  const group = (title: string, keys: readonly (keyof FundFigures)[], part: 'period' | 'held') => (
    <Table.Tbody key={title}>
      <Table.Tr>
        <Table.Th scope="rowgroup" colSpan={5} bg="var(--mantine-color-default-hover)">
          <Text size="sm" fw={700}>
            {title}
          </Text>
        </Table.Th>
      </Table.Tr>
      {keys.map((key) => [
        row(key),
        key === (part === 'period' ? 'spent' : 'available') && difference(part),
      ])}
    </Table.Tbody>
  )
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="dashboard-funds">
      <Title order={2} size="h4" id="dashboard-funds" mb="xs">
        {t('dashboard.fundsTitle')}
      </Title>
      <Table withTableBorder aria-labelledby="dashboard-funds" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {CLASSES.map((fundClass) => (
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
        {group(flowsTitle, FLOWS, 'period')}
        {group(balancesTitle, BALANCES, 'held')}
      </Table>
    </Paper>
  )
}
