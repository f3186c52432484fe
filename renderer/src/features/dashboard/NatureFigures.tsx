import { Paper, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FundsSummary } from '@shared/funds/schema'
import { useAppStore } from '../../app/app-store'
import { Amount } from '../../components/Amount'
import { FigureLink } from './FigureLink'

/** Operating vs investment: what the period committed and spent for each. */
export function NatureFigures({ summary }: { summary: FundsSummary }) {
  const { t } = useTranslation()
  const setArea = useAppStore((s) => s.setArea)
  const open = t('dashboard.openProjects', { filter: t('dashboard.natureTitle') })
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="dashboard-nature">
      <Title order={2} size="h4" id="dashboard-nature">
        {t('dashboard.natureTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('dashboard.natureHint')}
      </Text>
      <Table aria-labelledby="dashboard-nature" verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">{t('agreements.figure.committed')}</Table.Th>
            <Table.Th ta="right">{t('agreements.figure.spent')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(['operating', 'investment'] as const).map((nature) => (
            <Table.Tr key={nature} data-nature={nature}>
              <Table.Th scope="row">{t(`agreements.nature.${nature}`)}</Table.Th>
              {(['committed', 'spent'] as const).map((figure) => (
                <Table.Td key={figure} ta="right" data-figure={figure}>
                  <FigureLink label={open} onOpen={() => setArea('projects')}>
                    <Amount minor={summary.byNature[nature][figure]} currency="EUR" />
                  </FigureLink>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
