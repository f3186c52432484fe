import { SimpleGrid, Table, Title } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { countryName } from '@shared/geo/country-names'
import { breakdownOf } from '@shared/projects/breakdown'
import {
  PROJECT_STATUSES,
  type ProjectBreakdownRow,
  type ProjectSummary,
} from '@shared/projects/schema'
import { Amount } from '../../components/Amount'
import { useLanguage } from '../../lib/use-language'
import { useProgrammes } from '../programmes/use-programmes'

/** The projects shown, summed by country, by programme and by status. */
export function ProjectBreakdown({ projects }: { projects: ProjectSummary[] }) {
  const { t } = useTranslation()
  const programmes = useProgrammes()
  const language = useLanguage()
  const breakdown = useMemo(() => breakdownOf(projects), [projects])
  const table = (title: string, rows: ProjectBreakdownRow[], label: (key: string) => string) => (
    <section aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <Table withTableBorder striped aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('projects.breakdownKey')}</Table.Th>
            <Table.Th ta="right">{t('projects.count')}</Table.Th>
            <Table.Th ta="right">{t('projects.field.totalCostEur')}</Table.Th>
            <Table.Th ta="right">{t('projects.field.committedEur')}</Table.Th>
            <Table.Th ta="right">{t('projects.field.paidEur')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{label(row.key)}</Table.Td>
              <Table.Td ta="right">{row.projects}</Table.Td>
              <Table.Td ta="right">
                <Amount minor={row.costEur} currency="EUR" />
              </Table.Td>
              <Table.Td ta="right">
                <Amount minor={row.committedEur} currency="EUR" />
              </Table.Td>
              <Table.Td ta="right">
                <Amount minor={row.paidEur} currency="EUR" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  )
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }}>
      {table(t('projects.byCountry'), breakdown.byCountry, (key) =>
        key ? countryName(key, language) : t('common.none'),
      )}
      {table(t('projects.byProgramme'), breakdown.byProgramme, (key) => programmes.name(key))}
      {table(t('projects.byStatus'), breakdown.byStatus, (key) => {
        const status = PROJECT_STATUSES.find((s) => s === key)
        return status ? t(`projects.status.${status}`) : key
      })}
    </SimpleGrid>
  )
}
