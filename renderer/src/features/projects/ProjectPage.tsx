import { Alert, Badge, Button, Group } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, type Language } from '@shared/i18n/locale'
import { Amount } from '../../components/Amount'
import { FormDrawer } from '../../components/page/FormDrawer'
import { KeyFigures, RecordNotRead, RecordPage, RecordTabs } from '../../components/page/RecordPage'
import { RecordHistory } from '../../components/RecordHistory'
import { call, errorMessage, isCancelled } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { useRecord } from '../../lib/use-record'
import { DocumentsSection } from './DocumentsSection'
import { ExpensesSection } from './ExpensesSection'
import { IndicatorsSection } from './IndicatorsSection'
import { LedgerSection } from './LedgerSection'
import { LifecycleSection } from './LifecycleSection'
import { PlanSection } from './PlanSection'
import { STATUS_COLORS } from './project-columns'
import { ProjectForm } from './ProjectForm'
import { TranchesSection } from './TranchesSection'
import { ProjectSummary } from './ProjectSummary'
import { useProgrammes } from '../programmes/use-programmes'

/** One project: what it is, where it stands, its money, its results and its history. */
export function ProjectPage({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation()
  const programmes = useProgrammes()
  const language = useLanguage()
  const {
    record: project,
    status,
    setStatus,
    saved,
    failed,
  } = useRecord(() => call('projects.get', { id }), [id])
  const [editing, setEditing] = useState(false)
  const [sheetLanguage, setSheetLanguage] = useState<Language>(language)

  if (!project) return <RecordNotRead status={status} />
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

  return (
    <RecordPage
      gap="lg"
      backLabel={t('projects.back')}
      onBack={onBack}
      title={`${project.code} — ${project.title}`}
      badges={
        <>
          <Badge variant="light" color={STATUS_COLORS[project.status]}>
            {t(`projects.status.${project.status}`)}
          </Badge>
          <Badge variant="light" color="grape">
            {programmes.name(project.programme)}
          </Badge>
          {project.archivedAt && <Badge color="gray">{t('common.archived')}</Badge>}
        </>
      }
      actions={
        <Group align="flex-end">
          <ListSelect
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
      }
      status={status}
      onCloseStatus={() => setStatus(null)}
    >
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
      <KeyFigures
        figures={[
          [
            t('projects.field.totalCost'),
            <Amount minor={project.totalCost} currency={project.currency} />,
          ],
          [
            t('projects.field.committedEur'),
            <Amount minor={project.committedEur} currency="EUR" />,
          ],
          [t('projects.field.paidEur'), <Amount minor={project.paidEur} currency="EUR" />],
          [
            t('recordPage.toJustifyEur'),
            <Amount minor={project.justification.toJustifyEur} currency="EUR" />,
          ],
        ]}
      />
      <RecordTabs
        param="projectTab"
        label={t('recordPage.tabs')}
        tabs={[
          {
            value: 'summary',
            label: t('recordPage.summary'),
            content: (
              <>
                <ProjectSummary project={project} />
                <LifecycleSection project={project} onSaved={saved} />
              </>
            ),
          },
          {
            value: 'plan',
            label: t('recordPage.plan'),
            content: <PlanSection project={project} onSaved={saved} onError={failed} />,
          },
          {
            value: 'tranches',
            label: t('recordPage.tranches'),
            content: <TranchesSection project={project} onSaved={saved} onError={failed} />,
          },
          {
            value: 'indicators',
            label: t('recordPage.indicators'),
            content: <IndicatorsSection project={project} onSaved={saved} onError={failed} />,
          },
          {
            value: 'expenses',
            label: t('recordPage.expenses'),
            content: <ExpensesSection project={project} onSaved={saved} onError={failed} />,
          },
          {
            value: 'documents',
            label: t('recordPage.documents'),
            content: <DocumentsSection project={project} onSaved={saved} onError={failed} />,
          },
          {
            value: 'ledger',
            label: t('recordPage.ledger'),
            content: <LedgerSection project={project} />,
          },
          {
            value: 'history',
            label: t('recordPage.history'),
            content: <RecordHistory table="projects" id={project.id} version={project.updatedAt} />,
          },
        ]}
      />
      <FormDrawer
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('projects.editTitle')}
      >
        <ProjectForm
          project={project}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false)
            saved(next, t('projects.updated', { code: next.code }))
          }}
        />
      </FormDrawer>
    </RecordPage>
  )
}
