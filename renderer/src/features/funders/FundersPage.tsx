import { Anchor, Badge, Button, Divider, Group, Modal, Stack, Text } from '@mantine/core'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FUNDER_KINDS, type Funder } from '@shared/funders/schema'
import { countryName } from '@shared/geo/country-names'
import { isLanguage } from '@shared/i18n/locale'
import { money } from '@shared/money/money'
import type { ListColumn } from '../../components/list/list-columns'
import {
  ArchivedFilter,
  ChoiceFilter,
  filterParameters,
} from '../../components/list/ListFilterControls'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import { useChannel } from '../../lib/use-api-data'
import { FormDrawer } from '../../components/page/FormDrawer'
import { ListPage } from '../../components/page/ListPage'
import type { Status } from '../../components/StatusMessage'
import { RecordHistory } from '../../components/RecordHistory'
import { call, errorMessage } from '../../lib/api'
import { formatDateTime } from '@shared/i18n/format-dates'
import { FunderForm } from './FunderForm'
import { useAppStore } from '../../app/app-store'
import { funderFigures } from './funder-figures'
import { useFunders } from './use-funders'

type Editing = { mode: 'new' } | { mode: 'edit'; funder: Funder } | null

/** Bailleurs: the list (sort, filter, search as you type), the form, archive and restore. */
export function FundersPage() {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'fr'
  const [view, setView] = useListView('funders')
  const [editing, setEditing] = useState<Editing>(null)
  const [archiving, setArchiving] = useState<Funder | null>(null)
  const [status, setStatus] = useState<Status | null>(null)
  const { funders, error, reload } = useFunders(view.archived === '1')
  const openFunder = useAppStore((s) => s.openFunder)
  const agreements = useChannel('agreements.list', { includeArchived: false }).data
  // Each funder's position: the sum of its agreements' positions in euros, as the core gives them.
  const figures = useMemo(() => funderFigures(agreements ?? []), [agreements])
  const visible = useMemo(
    () => (funders ?? []).filter((f) => !view.kind || f.kind === view.kind),
    [funders, view.kind],
  )
  const kinds = FUNDER_KINDS.map((k) => ({ value: k, label: t(`funders.kind.${k}`) }))

  const toggleArchive = useCallback(
    async (funder: Funder) => {
      try {
        const saved = funder.archivedAt
          ? await call('funders.restore', { id: funder.id })
          : await call('funders.archive', { id: funder.id })
        setStatus({
          ok: true,
          text: t(saved.archivedAt ? 'funders.archived' : 'funders.restored', { name: saved.name }),
        })
        reload()
      } catch (failure) {
        setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })
      }
    },
    [reload, t],
  )

  const columns = useMemo<ListColumn<Funder>[]>(
    () => [
      {
        id: 'name',
        kind: 'text',
        value: (f) => f.name,
        header: t('funders.field.name'),
        width: 230,
        cell: (f) => (
          <Group gap={6} wrap="nowrap">
            <Anchor
              component="button"
              size="sm"
              fw={500}
              truncate
              onClick={() => openFunder(f.id)}
              aria-label={t('recordPage.openFunder', { name: f.name })}
            >
              {f.name}
            </Anchor>
            {f.archivedAt && (
              <Badge size="xs" color="gray">
                {t('common.archived')}
              </Badge>
            )}
          </Group>
        ),
      },
      {
        id: 'acronym',
        kind: 'text',
        value: (f) => f.acronym,
        header: t('funders.field.acronym'),
        width: 110,
      },
      {
        id: 'kind',
        kind: 'text',
        value: (f) => t(`funders.kind.${f.kind}`),
        header: t('funders.field.kind'),
      },
      {
        id: 'country',
        kind: 'text',
        value: (f) => (f.country ? countryName(f.country, language) : null),
        header: t('funders.field.country'),
        width: 140,
      },
      {
        id: 'currency',
        kind: 'text',
        value: (f) => f.defaultCurrency,
        header: t('funders.field.defaultCurrency'),
        width: 90,
        priority: 20,
      },
      {
        id: 'contact',
        kind: 'text',
        value: (f) => f.contactName,
        header: t('funders.field.contactName'),
        optional: true,
      },
      ...(['committed', 'received', 'available'] as const).map((figure): ListColumn<Funder> => ({
        id: figure,
        kind: 'money',
        amount: (f) => figures.get(f.id)?.[figure] ?? money(0, 'EUR'),
        header: `${t(`agreements.figure.${figure}`)} (EUR)`,
        width: 140,
      })),
      {
        id: 'updatedAt',
        kind: 'text',
        value: (f) => formatDateTime(f.updatedAt, language),
        header: t('funders.field.updatedAt'),
        optional: true,
        groupable: false,
      },
      {
        id: 'actions',
        kind: 'text',
        header: t('common.actions'),
        groupable: false,
        priority: -1,
        width: 170,
        cell: (f) => (
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-xs"
              variant="light"
              disabled={f.archivedAt !== null}
              onClick={() => setEditing({ mode: 'edit', funder: f })}
              aria-label={`${t('common.edit')} ${f.name}`}
            >
              {t('common.edit')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color={f.archivedAt ? 'blue' : 'red'}
              onClick={() => (f.archivedAt ? void toggleArchive(f) : setArchiving(f))}
              aria-label={`${t(f.archivedAt ? 'common.restore' : 'common.archive')} ${f.name}`}
            >
              {t(f.archivedAt ? 'common.restore' : 'common.archive')}
            </Button>
          </Group>
        ),
      },
    ],
    [t, language, toggleArchive, figures, openFunder],
  )

  return (
    <ListPage
      title={t('funders.title')}
      subtitle={t('funders.subtitle')}
      actions={<Button onClick={() => setEditing({ mode: 'new' })}>{t('funders.new')}</Button>}
      status={status}
      onCloseStatus={() => setStatus(null)}
    >
      <RegisterList
        listId="funders"
        label={t('funders.title')}
        rows={visible}
        columns={columns}
        getRowId={(f) => f.id}
        onOpen={(funder) => !funder.archivedAt && setEditing({ mode: 'edit', funder })}
        view={view}
        onView={setView}
        searchPlaceholder={t('funders.searchPlaceholder')}
        initialSort={{ id: 'name', desc: false }}
        error={error}
        filters={
          <>
            <ChoiceFilter
              name="kind"
              label={t('funders.kindFilter')}
              data={kinds}
              view={view}
              onView={setView}
            />
            <ArchivedFilter view={view} onView={setView} />
          </>
        }
        parameters={filterParameters([
          { label: t('funders.kindFilter'), value: view.kind, data: kinds },
        ])}
      />

      <FormDrawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        size="lg"
        title={t(editing?.mode === 'edit' ? 'funders.editTitle' : 'funders.newTitle')}
      >
        {editing && (
          <Stack>
            <FunderForm
              key={editing.mode === 'edit' ? editing.funder.id + editing.funder.updatedAt : 'new'}
              funder={editing.mode === 'edit' ? editing.funder : undefined}
              onCancel={() => setEditing(null)}
              onSaved={(saved) => {
                setStatus({
                  ok: true,
                  text: t(editing.mode === 'edit' ? 'funders.updated' : 'funders.created', {
                    name: saved.name,
                  }),
                })
                setEditing(null)
                reload()
              }}
            />
            {editing.mode === 'edit' && (
              <>
                <Divider />
                <RecordHistory
                  table="funders"
                  id={editing.funder.id}
                  version={editing.funder.updatedAt}
                />
              </>
            )}
          </Stack>
        )}
      </FormDrawer>

      <Modal
        opened={archiving !== null}
        onClose={() => setArchiving(null)}
        title={t('common.archive')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {archiving && (
          <Stack>
            <Text>{t('funders.archiveConfirm', { name: archiving.name })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setArchiving(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                onClick={() => {
                  const funder = archiving
                  setArchiving(null)
                  void toggleArchive(funder)
                }}
              >
                {t('common.archive')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </ListPage>
  )
}
