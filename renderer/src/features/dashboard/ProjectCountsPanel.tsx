import { Paper, SimpleGrid, Table, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ProjectCounts } from '@shared/funds/schema'
import { countryName } from '@shared/geo/country-names'
import { formatCount } from '@shared/i18n/format-number'
import { useAppStore } from '../../app/app-store'
import { useLanguage } from '../../lib/use-language'
import { FigureLink } from './FigureLink'

/** The countries listed by name; the rest are in the Projets list, filtered as the user likes. */
const COUNTRIES_SHOWN = 8

/** Live projects by status and by country; each count opens the list filtered on it. */
export function ProjectCountsPanel({ projects }: { projects: ProjectCounts }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const openProjectsWhere = useAppStore((s) => s.openProjectsWhere)
  const count = (n: number, filter: string, open: () => void) => (
    <FigureLink label={t('dashboard.openProjects', { filter })} onOpen={open}>
      {formatCount(n, language)}
    </FigureLink>
  )
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="dashboard-projects">
      <Title order={2} size="h4" id="dashboard-projects" mb="xs">
        {t('dashboard.projectsTitle')}
      </Title>
      <SimpleGrid cols={2} spacing="sm">
        <Table aria-label={t('dashboard.byStatus')} verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.byStatus')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.projectsCount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {projects.byStatus.map(({ status, count: n }) => {
              const label = t(`projects.status.${status}`)
              return (
                <Table.Tr key={status} data-status={status}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td ta="right">
                    {count(n, label, () => openProjectsWhere({ status }))}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
        <Table aria-label={t('dashboard.byCountry')} verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.byCountry')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.projectsCount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {projects.byCountry.slice(0, COUNTRIES_SHOWN).map(({ country, count: n }) => {
              const label =
                country === null ? t('dashboard.noCountry') : countryName(country, language)
              return (
                <Table.Tr key={country ?? '-'} data-country={country ?? ''}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td ta="right">
                    {country === null
                      ? formatCount(n, language)
                      : count(n, label, () => openProjectsWhere({ country }))}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
    </Paper>
  )
}
