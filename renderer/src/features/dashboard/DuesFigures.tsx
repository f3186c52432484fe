import { Paper, Table, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DuesSummary } from '@shared/dues/schema'
import { formatPercent } from '@shared/i18n/format-percent'
import { useAppStore } from '../../app/app-store'
import { Amount } from '../../components/Amount'
import { useLanguage } from '../../lib/use-language'
import { FigureLink } from './FigureLink'

const AGES = ['current', 'oneYear', 'twoYears', 'threeYearsOrMore', 'total'] as const

/** Dues called vs collected for the year and the arrears by age, as `aimf dues --json` gives them. */
export function DuesFigures({ dues }: { dues: DuesSummary }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const setArea = useAppStore((s) => s.setArea)
  const open = t('dashboard.openDues')
  const amount = (minor: number) => (
    <FigureLink label={open} onOpen={() => setArea('members')}>
      <Amount minor={minor} currency="EUR" />
    </FigureLink>
  )
  const year = dues.year
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="dashboard-dues">
      <Title order={2} size="h4" id="dashboard-dues" mb="xs">
        {t('dashboard.duesTitle', { year })}
      </Title>
      <Table aria-labelledby="dashboard-dues" verticalSpacing={2}>
        <Table.Tbody>
          <Table.Tr data-dues="called">
            <Table.Th scope="row">{t('dues.summary.called', { year })}</Table.Th>
            <Table.Td ta="right">{amount(dues.calledEur)}</Table.Td>
          </Table.Tr>
          <Table.Tr data-dues="collected">
            <Table.Th scope="row">{t('dues.summary.collected', { year })}</Table.Th>
            <Table.Td ta="right">{amount(dues.collectedEur)}</Table.Td>
          </Table.Tr>
          <Table.Tr data-dues="rate">
            <Table.Th scope="row">{t('dues.summary.rate')}</Table.Th>
            <Table.Td ta="right">{formatPercent(dues.rate, language)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="rowgroup" colSpan={2}>
              {t('dues.summary.arrears')}
            </Table.Th>
          </Table.Tr>
          {AGES.map((age) => (
            <Table.Tr key={age} data-arrears={age}>
              <Table.Th scope="row" fw={age === 'total' ? 700 : 400} pl="lg">
                {t(`dues.summary.${age}`)}
              </Table.Th>
              <Table.Td ta="right">{amount(dues.arrears[age])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
