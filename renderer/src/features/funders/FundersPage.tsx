import { Anchor, Badge, Button, Divider, Group, Modal, Stack, Text } from '@mantine/core'
import type { ColumnDef } from '@tanstack/react-table'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FUNDER_KINDS, type Funder } from '@shared/funders/schema'
import { countryName } from '@shared/geo/country-names'
import { isLanguage } from '@shared/i18n/locale'
import { DataTable } from '../../components/DataTable'
import { ListFilters } from '../../components/ListFilters'
import { FormDrawer } from '../../components/page/FormDrawer'
import { ListPage } from '../../components/page/ListPage'
import type { Status } from '../../components/StatusMessage'
import { RecordHistory } from '../../components/RecordHistory'
import { call, errorMessage } from '../../lib/api'
import { formatDateTime } from '@shared/i18n/format-dates'
import { matchesSearch } from '@shared/text/search'
import { FunderForm } from './FunderForm'
import { useAppStore } from '../../app/app-store'
import { useFunders } from './use-funders'

type Editing = { mode: 'new' } | { mode: 'edit'; funder: Funder } | null

/** Bailleurs: the list (sort, filter, search as you type), the form, archive and restore. */
export function FundersPage() {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'fr'
  const [showArchived, setShowArchived] = useState(false)
  const [search, setSearch] = useState('')
  const [kind, setKind] = useState<string | null>(null)
  const [editing, setEditing] = useState<Editing>(null)
  const [archiving, setArchiving] = useState<Funder | null>(null)
  const [status, setStatus] = useState<Status | null>(null)
  const { funders, error, reload } = useFunders(showArchived)
  const openFunder = useAppStore((s) => s.openFunder)

  const visible = useMemo(
    () =>
      (funders ?? []).filter(
        (f) =>
          (!kind || f.kind === kind) &&
          matchesSearch(search, [
            f.name,
            f.acronym,
            f.country ? countryName(f.country, language) : null,
            f.contactName,
            f.contactEmail,
            t(`funders.kind.${f.kind}`),
          ]),
      ),
    [funders, kind, search, language, t],
  )

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

  const columns = useMemo<ColumnDef<Funder>[]>(
    () => [
      {
        id: 'name',
        accessorKey: 'name',
        header: t('funders.field.name'),
        cell: ({ row }) => (
          <Group gap={6} wrap="nowrap">
            <Anchor
              component="button"
              size="sm"
              fw={500}
              truncate
              onClick={() => openFunder(row.original.id)}
              aria-label={t('recordPage.openFunder', { name: row.original.name })}
            >
              {row.original.name}
            </Anchor>
            {row.original.archivedAt && (
              <Badge size="xs" color="gray">
                {t('common.archived')}
              </Badge>
            )}
          </Group>
        ),
      },
      { id: 'acronym', accessorFn: (f) => f.acronym ?? '', header: t('funders.field.acronym') },
      {
        id: 'kind',
        accessorFn: (f) => t(`funders.kind.${f.kind}`),
        header: t('funders.field.kind'),
      },
      {
        id: 'country',
        accessorFn: (f) => (f.country ? countryName(f.country, language) : ''),
        header: t('funders.field.country'),
      },
      {
        id: 'currency',
        accessorKey: 'defaultCurrency',
        header: t('funders.field.defaultCurrency'),
      },
      {
        id: 'contact',
        accessorFn: (f) => f.contactName ?? '',
        header: t('funders.field.contactName'),
      },
      {
        id: 'updatedAt',
        accessorKey: 'updatedAt',
        header: t('funders.field.updatedAt'),
        cell: ({ row }) => formatDateTime(row.original.updatedAt, language),
      },
      {
        id: 'actions',
        header: t('common.actions'),
        enableSorting: false,
        cell: ({ row }) => (
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-xs"
              variant="light"
              disabled={row.original.archivedAt !== null}
              onClick={() => setEditing({ mode: 'edit', funder: row.original })}
              aria-label={`${t('common.edit')} ${row.original.name}`}
            >
              {t('common.edit')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color={row.original.archivedAt ? 'blue' : 'red'}
              onClick={() =>
                row.original.archivedAt
                  ? void toggleArchive(row.original)
                  : setArchiving(row.original)
              }
              aria-label={`${t(row.original.archivedAt ? 'common.restore' : 'common.archive')} ${row.original.name}`}
            >
              {t(row.original.archivedAt ? 'common.restore' : 'common.archive')}
            </Button>
          </Group>
        ),
      },
    ],
    [t, language, toggleArchive, openFunder],
  )

  return (
    <ListPage
      title={t('funders.title')}
      subtitle={t('funders.subtitle')}
      actions={<Button onClick={() => setEditing({ mode: 'new' })}>{t('funders.new')}</Button>}
      status={status}
      onCloseStatus={() => setStatus(null)}
    >
      <ListFilters
        search={search}
        onSearch={setSearch}
        searchPlaceholder={t('funders.searchPlaceholder')}
        choice={{
          label: t('funders.kindFilter'),
          data: FUNDER_KINDS.map((k) => ({ value: k, label: t(`funders.kind.${k}`) })),
          value: kind,
          onChange: setKind,
        }}
        showArchived={showArchived}
        onShowArchived={setShowArchived}
        error={error}
        rows={visible.length}
      />
      <DataTable
        data={visible}
        columns={columns}
        getRowId={(f) => f.id}
        label={t('funders.title')}
        initialSorting={[{ id: 'name', desc: false }]}
        onRowOpen={(funder) => !funder.archivedAt && setEditing({ mode: 'edit', funder })}
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
