import {
  Button,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Switch,
  Text,
  TextInput,
} from '@mantine/core'
import { useLocalStorage } from '@mantine/hooks'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { countryName } from '@shared/geo/country-names'
import { REGIONS } from '@shared/geo/regions'
import { projectMatches } from '@shared/projects/filter'
import { PROJECT_STATUSES, type ProjectListQuery } from '@shared/projects/schema'
import { DataTable } from '../../components/DataTable'
import { FormDrawer } from '../../components/page/FormDrawer'
import { ListPage } from '../../components/page/ListPage'
import type { Status } from '../../components/StatusMessage'
import { useAppStore } from '../../app/app-store'
import { errorMessage } from '../../lib/api'
import { useProgrammes } from '../programmes/use-programmes'
import { useChannel } from '../../lib/use-api-data'
import { useLanguage } from '../../lib/use-language'
import { ProjectBreakdown } from './ProjectBreakdown'
import { ProjectForm } from './ProjectForm'
import { ProjectPage } from './ProjectPage'
import {
  DEFAULT_PROJECT_COLUMNS,
  PROJECT_COLUMN_IDS,
  type ProjectColumnId,
  projectColumns,
} from './project-columns'
import { SectorSelect } from './SectorSelect'

/**
 * Projets: every project of the Cooperation Fund, filtered as the user types (the same rule as
 * `aimf projects`), with the columns the user chose; or the summary by country and programme.
 */
export function ProjectsPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const programmes = useProgrammes()
  const openId = useAppStore((s) => s.openProjectId)
  const setOpenId = useAppStore((s) => s.openProject)
  // A dashboard figure opens the list on its status or country.
  const [query, setQuery] = useState<ProjectListQuery>(
    () => useAppStore.getState().projectsFilter ?? {},
  )
  const [view, setView] = useState<'list' | 'breakdown'>('list')
  const [creating, setCreating] = useState(false)
  const [status, setStatus] = useState<Status | null>(null)
  const [shown, setShown] = useLocalStorage<ProjectColumnId[]>({
    key: 'aimf.projects.columns',
    defaultValue: DEFAULT_PROJECT_COLUMNS,
  })

  const {
    data: projects,
    error,
    reload,
  } = useChannel('projects.list', { includeArchived: query.includeArchived ?? false })
  const funders = useChannel('funders.list', {}).data ?? []

  const visible = useMemo(
    () => (projects ?? []).filter((p) => projectMatches(p, query)),
    [projects, query],
  )
  const columns = useMemo(
    () =>
      projectColumns(t, language, setOpenId, programmes.name).filter((c) =>
        shown.includes(c.id as ProjectColumnId),
      ),
    [t, language, setOpenId, shown, programmes.name],
  )
  const countries = useMemo(
    () =>
      [...new Set((projects ?? []).map((p) => p.country).filter((c) => c !== null))]
        .map((code) => ({ value: code, label: countryName(code, language) }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    [projects, language],
  )
  const years = useMemo(
    () =>
      [...new Set((projects ?? []).map((p) => p.year))]
        .sort((a, b) => b - a)
        .map((y) => ({ value: String(y), label: String(y) })),
    [projects],
  )
  const set = (patch: Partial<ProjectListQuery>) => setQuery((q) => ({ ...q, ...patch }))
  const choice = (value: string | null) => value ?? undefined

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

  return (
    <ListPage
      title={t('projects.title')}
      subtitle={t('projects.subtitle')}
      actions={
        <Group>
          <SegmentedControl
            value={view}
            onChange={(value) => setView(value === 'breakdown' ? 'breakdown' : 'list')}
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
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('common.search')}
          placeholder={t('projects.searchPlaceholder')}
          type="search"
          value={query.search ?? ''}
          onChange={(event) => set({ search: event.currentTarget.value })}
          w={260}
        />
        <Select
          label={t('projects.filter.status')}
          placeholder={t('common.all')}
          data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projects.status.${s}`) }))}
          value={query.status ?? null}
          onChange={(value) =>
            set({ status: PROJECT_STATUSES.find((s) => s === value) ?? undefined })
          }
          clearable
          w={170}
        />
        <Select
          label={t('projects.filter.country')}
          placeholder={t('common.all')}
          data={countries}
          value={query.country ?? null}
          onChange={(value) => set({ country: choice(value) })}
          searchable
          clearable
          w={170}
        />
        <Select
          label={t('projects.filter.region')}
          placeholder={t('common.all')}
          data={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
          value={query.region ?? null}
          onChange={(value) => set({ region: REGIONS.find((r) => r === value) ?? undefined })}
          clearable
          w={190}
        />
        <SectorSelect
          label={t('projects.filter.sector')}
          value={query.sectorCode ?? null}
          onChange={(value) => set({ sectorCode: choice(value) })}
          w={240}
        />
        <Select
          label={t('projects.filter.programme')}
          placeholder={t('common.all')}
          data={programmes.all.map((p) => ({ value: p.code, label: programmes.name(p.code) }))}
          value={query.programme ?? null}
          onChange={(value) => set({ programme: choice(value) })}
          searchable
          clearable
          w={220}
        />
        <Select
          label={t('projects.filter.funder')}
          placeholder={t('common.all')}
          data={funders.map((f) => ({ value: f.id, label: f.acronym ?? f.name }))}
          value={query.funderId ?? null}
          onChange={(value) => set({ funderId: choice(value) })}
          searchable
          clearable
          w={180}
        />
        <Select
          label={t('projects.filter.year')}
          placeholder={t('common.all')}
          data={years}
          value={query.year === undefined ? null : String(query.year)}
          onChange={(value) => set({ year: value ? Number(value) : undefined })}
          clearable
          w={110}
        />
      </Group>
      <Group gap="lg">
        <Switch
          label={t('projects.filter.lateTranches')}
          checked={query.lateTranches ?? false}
          onChange={(event) => set({ lateTranches: event.currentTarget.checked || undefined })}
        />
        <Switch
          label={t('projects.filter.overdueReports')}
          checked={query.overdueReports ?? false}
          onChange={(event) => set({ overdueReports: event.currentTarget.checked || undefined })}
        />
        <Switch
          label={t('common.showArchived')}
          checked={query.includeArchived ?? false}
          onChange={(event) => set({ includeArchived: event.currentTarget.checked || undefined })}
        />
        {view === 'list' && (
          <MultiSelect
            aria-label={t('projects.columns')}
            placeholder={t('projects.columns')}
            data={PROJECT_COLUMN_IDS.map((id) => ({
              value: id,
              label: t(`projects.field.${id === 'member' ? 'member' : id}`),
            }))}
            value={shown}
            onChange={(ids) =>
              setShown(PROJECT_COLUMN_IDS.filter((id) => ids.includes(id) || id === 'code'))
            }
            w={420}
            size="xs"
          />
        )}
      </Group>
      {error !== null && <Text c="red">{errorMessage(error, t('errors.INTERNAL'))}</Text>}
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.rowsCount', { count: visible.length })}
      </Text>
      {view === 'list' ? (
        <DataTable
          data={visible}
          columns={columns}
          getRowId={(p) => p.id}
          label={t('projects.title')}
          initialSorting={[{ id: 'code', desc: true }]}
          onRowOpen={(p) => setOpenId(p.id)}
        />
      ) : (
        <ProjectBreakdown projects={visible} />
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
