import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { countryName } from '@shared/geo/country-names'
import { formatDate } from '@shared/i18n/format-dates'
import { type ProjectDetail, sectorName } from '@shared/projects/schema'
import { Amount } from '../../components/Amount'
import { KeyFigures } from '../../components/page/RecordPage'
import { useLanguage } from '../../lib/use-language'

/** What a project is: its city, its sector, its dates, its contact and its objectives. */
export function ProjectSummary({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <KeyFigures
      figures={[
        [t('projects.field.member'), project.memberName],
        [
          t('projects.field.country'),
          project.country ? countryName(project.country, language) : '',
        ],
        [t('projects.field.region'), project.region ? t(`regions.${project.region}`) : ''],
        [
          t('projects.field.sector'),
          `${project.sectorCode} — ${sectorName(project.sectorCode, language)}`,
        ],
        [
          t('projects.field.totalCost'),
          <Amount minor={project.totalCost} currency={project.currency} />,
        ],
        [t('projects.field.committedEur'), <Amount minor={project.committedEur} currency="EUR" />],
        [t('projects.field.paidEur'), <Amount minor={project.paidEur} currency="EUR" />],
        [t('projects.field.nature'), t(`projects.nature.${project.nature}`)],
        [t('projects.field.startsOn'), formatDate(project.startsOn, language)],
        [t('projects.field.endsOn'), formatDate(project.endsOn, language)],
        [t('projects.field.approvedOn'), formatDate(project.approvedOn, language)],
        [t('projects.field.bureauMeeting'), project.bureauMeeting],
        [
          t('projects.field.contactName'),
          [project.contactName, project.contactEmail, project.contactPhone]
            .filter(Boolean)
            .join(' · '),
        ],
      ]}
    >
      {project.objectives && (
        <Text size="sm" mt="sm">
          <strong>{t('projects.field.objectives')} :</strong> {project.objectives}
        </Text>
      )}
      {project.description && (
        <Text size="sm" mt="xs">
          {project.description}
        </Text>
      )}
    </KeyFigures>
  )
}
