import {
  Alert,
  Anchor,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { countryName } from '@shared/geo/country-names'
import { LANGUAGES, type Language } from '@shared/i18n/locale'
import { type ProjectDetail, sectorName } from '@shared/projects/schema'
import { Amount } from '../../components/Amount'
import { RecordHistory } from '../../components/RecordHistory'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { call, errorMessage, isCancelled } from '../../lib/api'
import { formatDate } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'
import { DocumentsSection } from './DocumentsSection'
import { ExpensesSection } from './ExpensesSection'
import { IndicatorsSection } from './IndicatorsSection'
import { LedgerSection } from './LedgerSection'
import { LifecycleSection } from './LifecycleSection'
import { PlanSection } from './PlanSection'
import { STATUS_COLORS } from './project-columns'
import { ProjectForm } from './ProjectForm'
import { TranchesSection } from './TranchesSection'
import { Term } from '../../components/Term'
import { useProgrammes } from '../programmes/use-programmes'

/** One project: what it is, where it stands, its money, its results and its history. */
export function ProjectPage({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation()
  const programmes = useProgrammes()
  const language = useLanguage()
  const [project, setProject] = useState<ProjectDetail | null>(null)
  const [editing, setEditing] = useState(false)
  const [status, setStatus] = useState<Status | null>(null)
  const [sheetLanguage, setSheetLanguage] = useState<Language>(language)
  useEffect(() => {
    let current = true
    call('projects.get', { id }).then(
      (p) => current && setProject(p),
      (failure: unknown) =>
        current && setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) }),
    )
    return () => {
      current = false
    }
  }, [id, t])

  if (!project) return status ? <Alert color="red">{status.text}</Alert> : null
  const saved = (next: ProjectDetail, message: string) => {
    setProject(next)
    setStatus({ ok: true, text: message })
  }
  const failed = (message: string) => setStatus({ ok: false, text: message })
  async function exportSheet() {
    if (!project) return
    try {
      const sheet = await call('projects.exportSheet', {
        id: project.id,
        language: sheetLanguage,
      })
      setStatus({ ok: true, text: t('sheet.exported', { path: sheet.path }), saved: sheet })
    } catch (failure) {
      if (!isCancelled(failure)) failed(errorMessage(failure, t('errors.INTERNAL')))
    }
  }
  const open = project.nextStatuses.length > 0
  const term = (label: string, value: ReactNode) => (
    <Term key={label} label={label}>
      {value}
    </Term>
  )

  return (
    <Stack gap="lg">
      <Anchor component="button" onClick={onBack} size="sm" w="fit-content">
        ← {t('projects.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>
            {project.code} — {project.title}
          </Title>
          <Group gap="xs" mt={4}>
            <Badge variant="light" color={STATUS_COLORS[project.status]}>
              {t(`projects.status.${project.status}`)}
            </Badge>
            <Badge variant="light" color="grape">
              {programmes.name(project.programme)}
            </Badge>
            {project.archivedAt && <Badge color="gray">{t('common.archived')}</Badge>}
          </Group>
        </div>
        <Group align="flex-end">
          <Select
            size="xs"
            w={130}
            label={t('sheet.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            value={sheetLanguage}
            onChange={(value) => setSheetLanguage(LANGUAGES.find((l) => l === value) ?? language)}
            allowDeselect={false}
          />
          <Button variant="light" onClick={() => void exportSheet()}>
            {t('sheet.export')}
          </Button>
          <Button
            variant="default"
            onClick={() => setEditing(true)}
            disabled={!open || project.archivedAt !== null}
          >
            {t('common.edit')}
          </Button>
        </Group>
      </Group>
      <StatusMessage status={status} onClose={() => setStatus(null)} />
      {project.memberArchived && (
        <Alert color="orange" variant="light">
          {t('projects.memberArchived')}
        </Alert>
      )}
      {!project.memberArchived && project.memberStatus !== 'active' && open && (
        <Alert color="orange" variant="light">
          {t('projects.memberNotActive', {
            status: t(`members.status.${project.memberStatus}`),
          })}
        </Alert>
      )}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {term(t('projects.field.member'), project.memberName)}
          {term(
            t('projects.field.country'),
            project.country ? countryName(project.country, language) : '',
          )}
          {term(t('projects.field.region'), project.region ? t(`regions.${project.region}`) : '')}
          {term(
            t('projects.field.sector'),
            `${project.sectorCode} — ${sectorName(project.sectorCode, language)}`,
          )}
          {term(
            t('projects.field.totalCost'),
            <Amount minor={project.totalCost} currency={project.currency} />,
          )}
          {term(
            t('projects.field.committedEur'),
            <Amount minor={project.committedEur} currency="EUR" />,
          )}
          {term(t('projects.field.paidEur'), <Amount minor={project.paidEur} currency="EUR" />)}
          {term(t('projects.field.nature'), t(`projects.nature.${project.nature}`))}
          {term(t('projects.field.startsOn'), formatDate(project.startsOn, language))}
          {term(t('projects.field.endsOn'), formatDate(project.endsOn, language))}
          {term(t('projects.field.approvedOn'), formatDate(project.approvedOn, language))}
          {term(t('projects.field.bureauMeeting'), project.bureauMeeting)}
          {term(
            t('projects.field.contactName'),
            [project.contactName, project.contactEmail, project.contactPhone]
              .filter(Boolean)
              .join(' · '),
          )}
        </SimpleGrid>
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
      </Paper>
      <LifecycleSection project={project} onSaved={saved} />
      <PlanSection project={project} onSaved={saved} onError={failed} />
      <TranchesSection project={project} onSaved={saved} onError={failed} />
      <IndicatorsSection project={project} onSaved={saved} onError={failed} />
      <ExpensesSection project={project} onSaved={saved} onError={failed} />
      <DocumentsSection project={project} onSaved={saved} onError={failed} />
      <LedgerSection project={project} />
      <Divider />
      <RecordHistory table="projects" id={project.id} version={project.updatedAt} />
      <Drawer
        opened={editing}
        onClose={() => setEditing(false)}
        position="right"
        size="xl"
        title={t('projects.editTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && (
          <ProjectForm
            project={project}
            onCancel={() => setEditing(false)}
            onSaved={(next) => {
              setEditing(false)
              saved(next, t('projects.updated', { code: next.code }))
            }}
          />
        )}
      </Drawer>
    </Stack>
  )
}
