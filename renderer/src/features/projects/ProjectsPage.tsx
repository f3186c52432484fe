import { Button, Group, SegmentedControl } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { countryName } from '@shared/geo/country-names'
import { REGIONS } from '@shared/geo/regions'
import { projectMatches } from '@shared/projects/filter'
import { PROJECT_STATUSES, type ProjectListQuery } from '@shared/projects/schema'
import { FormDrawer } from '../../components/page/FormDrawer'
import { ListPage } from '../../components/page/ListPage'
import {
  ChoiceFilter,
  SwitchFilters,
  filterParameters,
} from '../../components/list/ListFilterControls'
import { RegisterList } from '../../components/list/RegisterList'
import { type ListView, useListView } from '../../components/list/use-list-url-state'
import type { Status } from '../../components/StatusMessage'
import { useAppStore } from '../../app/app-store'
import { useProgrammes } from '../programmes/use-programmes'
import { useChannel } from '../../lib/use-api-data'
import { useLanguage } from '../../lib/use-language'
import { ProjectBreakdown } from './ProjectBreakdown'
import { ProjectForm } from './ProjectForm'
import { ProjectPage } from './ProjectPage'
import { projectColumns } from './project-columns'
import { SectorSelect } from './SectorSelect'

/** The filters of the list, from its view in the address (the same rule as `aimf projects`). */
function queryOf(view: ListView): ProjectListQuery {
  const chosen = (value: string | undefined) => value || undefined
  return {
    status: PROJECT_STATUSES.find((s) => s === view.status),
    country: chosen(view.country),
    region: REGIONS.find((r) => r === view.region),
    sectorCode: chosen(view.sector),
    programme: chosen(view.programme),
    funderId: chosen(view.funder),
    year: view.year ? Number(view.year) : undefined,
    lateTranches: view.late === '1' || undefined,
    overdueReports: view.overdue === '1' || undefined,
    includeArchived: view.archived === '1' || undefined,
  }
}

/**
 * Projets: every project of the Cooperation Fund, filtered as the user types, with the columns
 * the user chose; or the summary by country and programme.
 */
export function ProjectsPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const programmes = useProgrammes()
  const openId = useAppStore((s) => s.openProjectId)
  const setOpenId = useAppStore((s) => s.openProject)
  // A dashboard figure opens the list on its status or country: it joins the address once.
  const [view, setView] = useListView('projects', (): ListView => {
    const filter = useAppStore.getState().projectsFilter
    return filter ? { status: filter.status ?? '', country: filter.country ?? '' } : {}
  })
  const query = useMemo(() => queryOf(view), [view])
  const [creating, setCreating] = useState(false)
  const [status, setStatus] = useState<Status | null>(null)

  const {
    data: projects,
    error,
    reload,
  } = useChannel('projects.list', { includeArchived: query.includeArchived ?? false })
  const funders = useChannel('funders.list', {}).data

  const visible = useMemo(
    () => (projects ?? []).filter((p) => projectMatches(p, query)),
    [projects, query],
  )
  const columns = useMemo(
    () => projectColumns(t, language, setOpenId, programmes.name),
    [t, language, setOpenId, programmes.name],
  )
  const choices = useMemo(() => {
    const countries = [...new Set((projects ?? []).map((p) => p.country).filter((c) => c !== null))]
      .map((code) => ({ value: code, label: countryName(code, language) }))
      .sort((a, b) => a.label.localeCompare(b.label, language))
    const years = [...new Set((projects ?? []).map((p) => p.year))]
      .sort((a, b) => b - a)
      .map((y) => ({ value: String(y), label: String(y) }))
    return [
      {
        name: 'status',
        label: t('projects.filter.status'),
        data: PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projects.status.${s}`) })),
        width: 170,
      },
      { name: 'country', label: t('projects.filter.country'), data: countries, width: 160 },
      {
        name: 'region',
        label: t('projects.filter.region'),
        data: REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) })),
        width: 180,
      },
      {
        name: 'programme',
        label: t('projects.filter.programme'),
        data: programmes.all.map((p) => ({ value: p.code, label: programmes.name(p.code) })),
        width: 200,
      },
      {
        name: 'funder',
        label: t('projects.filter.funder'),
        data: (funders ?? []).map((f) => ({ value: f.id, label: f.acronym ?? f.name })),
        width: 160,
      },
      { name: 'year', label: t('projects.filter.year'), data: years, width: 100 },
    ]
  }, [projects, language, t, programmes, funders])
  const switches = [
    { name: 'late', label: t('projects.filter.lateTranches') },
    { name: 'overdue', label: t('projects.filter.overdueReports') },
    { name: 'archived', label: t('common.showArchived') },
  ]

  if (openId) {
    return (
      <ProjectPage
        id={openId}
        onBack={() => {
          setOpenId(null)
          reload()
        }}
      />
    )
  }

  // Statut and Pays on the list's line; the others folded behind « Filtres (n) ».
  const [mainChoices, otherChoices] = [choices.slice(0, 2), choices.slice(2)]
  const mainFilters = mainChoices.map((choice) => (
    <ChoiceFilter key={choice.name} {...choice} view={view} onView={setView} />
  ))
  const otherFilters = (
    <>
      {otherChoices.map((choice) => (
        <ChoiceFilter key={choice.name} {...choice} view={view} onView={setView} />
      ))}
      <SectorSelect
        label={t('projects.filter.sector')}
        value={view.sector || null}
        onChange={(value) => setView({ sector: value ?? '' })}
        w={220}
      />
      <SwitchFilters switches={switches} view={view} onView={setView} />
    </>
  )

  return (
    <ListPage
      title={t('projects.title')}
      subtitle={t('projects.subtitle')}
      actions={
        <Group>
          <SegmentedControl
            value={view.show === 'breakdown' ? 'breakdown' : 'list'}
            onChange={(value) => setView({ show: value === 'breakdown' ? 'breakdown' : '' })}
            data={[
              { value: 'list', label: t('projects.showList') },
              { value: 'breakdown', label: t('projects.breakdown') },
            ]}
          />
          <Button onClick={() => setCreating(true)}>{t('projects.new')}</Button>
        </Group>
      }
      status={status}
      onCloseStatus={() => setStatus(null)}
    >
      {view.show === 'breakdown' ? (
        <>
          <Group align="flex-end" gap="sm">
            {mainFilters}
            {otherFilters}
          </Group>
          <ProjectBreakdown projects={visible} />
        </>
      ) : (
        <RegisterList
          listId="projects"
          label={t('projects.title')}
          rows={visible}
          columns={columns}
          getRowId={(p) => p.id}
          onOpen={(p) => setOpenId(p.id)}
          view={view}
          onView={setView}
          searchPlaceholder={t('projects.searchPlaceholder')}
          initialSort={{ id: 'code', desc: true }}
          error={error}
          filters={mainFilters}
          moreFilters={{
            content: otherFilters,
            keys: [...otherChoices.map((c) => c.name), 'sector', ...switches.map((s) => s.name)],
          }}
          parameters={filterParameters(
            choices.map((c) => ({ label: c.label, value: view[c.name], data: c.data })),
          )}
        />
      )}
      <FormDrawer
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('projects.newTitle')}
      >
        <ProjectForm
          onCancel={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false)
            setStatus({ ok: true, text: t('projects.created', { code: saved.code }) })
            setOpenId(saved.id)
          }}
        />
      </FormDrawer>
    </ListPage>
  )
}
