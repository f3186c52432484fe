import { Badge, Button, Divider, Drawer, Group, Stack, Text, Title } from '@mantine/core'
import type { ColumnDef } from '@tanstack/react-table'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { countryName } from '../../../../shared/geo/country-names'
import { MEMBER_KINDS, type Member } from '../../../../shared/members/schema'
import { matchesSearch } from '../../../../shared/text/search'
import { DataTable } from '../../components/DataTable'
import { ListFilters } from '../../components/ListFilters'
import { RecordHistory } from '../../components/RecordHistory'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { call, errorMessage } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { MemberForm } from './MemberForm'
import { MEMBER_COLUMN_LABELS } from './member-history-labels'

type Editing = { mode: 'new' } | { mode: 'edit'; member: Member } | null

/** Membres: the register of the network's cities and associations. */
export function MembersPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const [members, setMembers] = useState<Member[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [version, setVersion] = useState(0)
  const [showArchived, setShowArchived] = useState(false)
  const [search, setSearch] = useState('')
  const [kind, setKind] = useState<string | null>(null)
  const [editing, setEditing] = useState<Editing>(null)
  const [status, setStatus] = useState<Status | null>(null)

  useEffect(() => {
    let current = true
    call('members.list', { includeArchived: showArchived }).then(
      (list) => current && setMembers(list),
      (failure: unknown) => current && setError(failure),
    )
    return () => {
      current = false
    }
  }, [showArchived, version])

  const visible = useMemo(
    () =>
      (members ?? []).filter(
        (m) =>
          (!kind || m.kind === kind) &&
          matchesSearch(search, [
            m.code,
            m.name,
            m.leaderName,
            m.country ? countryName(m.country, language) : null,
          ]),
      ),
    [members, kind, search, language],
  )

  const columns = useMemo<ColumnDef<Member>[]>(
    () => [
      { id: 'code', accessorKey: 'code', header: t('members.field.code') },
      {
        id: 'name',
        accessorKey: 'name',
        header: t('members.field.name'),
        cell: ({ row }) => (
          <Group gap={6} wrap="nowrap">
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setEditing({ mode: 'edit', member: row.original })}
              aria-label={t('members.open', { name: row.original.name })}
            >
              {row.original.name}
            </Button>
            {row.original.archivedAt && (
              <Badge size="xs" color="gray">
                {t('common.archived')}
              </Badge>
            )}
          </Group>
        ),
      },
      {
        id: 'kind',
        accessorFn: (m) => t(`members.kind.${m.kind}`),
        header: t('members.field.kind'),
      },
      {
        id: 'country',
        accessorFn: (m) => (m.country ? countryName(m.country, language) : ''),
        header: t('members.field.country'),
      },
      {
        id: 'region',
        accessorFn: (m) => (m.region ? t(`regions.${m.region}`) : ''),
        header: t('members.field.region'),
      },
      {
        id: 'population',
        accessorFn: (m) => m.population ?? 0,
        header: t('members.field.population'),
        meta: { numeric: true },
        cell: ({ row }) =>
          row.original.population === null
            ? ''
            : new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB').format(
                row.original.population,
              ),
      },
      {
        id: 'status',
        accessorFn: (m) => t(`members.status.${m.status}`),
        header: t('members.field.status'),
      },
      {
        id: 'openProjects',
        accessorKey: 'openProjects',
        header: t('members.field.openProjects'),
        meta: { numeric: true },
      },
    ],
    [t, language],
  )

  async function toggleArchive(member: Member) {
    try {
      const saved = member.archivedAt
        ? await call('members.restore', { id: member.id })
        : await call('members.archive', { id: member.id })
      setStatus({
        ok: true,
        text: t(saved.archivedAt ? 'members.archived' : 'members.restored', { name: saved.name }),
      })
      setEditing(null)
      setVersion((v) => v + 1)
    } catch (failure) {
      setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })
    }
  }

  const current = editing?.mode === 'edit' ? editing.member : undefined
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('members.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('members.subtitle')}
          </Text>
        </div>
        <Button onClick={() => setEditing({ mode: 'new' })}>{t('members.new')}</Button>
      </Group>
      <StatusMessage status={status} onClose={() => setStatus(null)} />
      <ListFilters
        search={search}
        onSearch={setSearch}
        searchPlaceholder={t('members.searchPlaceholder')}
        choice={{
          label: t('members.kindFilter'),
          data: MEMBER_KINDS.map((k) => ({ value: k, label: t(`members.kind.${k}`) })),
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
        getRowId={(m) => m.id}
        label={t('members.title')}
        initialSorting={[{ id: 'name', desc: false }]}
        onRowOpen={(member) => setEditing({ mode: 'edit', member })}
      />
      <Drawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        position="right"
        size="xl"
        title={t(current ? 'members.editTitle' : 'members.newTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && (
          <Stack>
            {current?.archivedAt ? null : (
              <MemberForm
                key={current?.id ?? 'new'}
                member={current}
                onCancel={() => setEditing(null)}
                onSaved={(saved) => {
                  setEditing(null)
                  setStatus({
                    ok: true,
                    text: t(current ? 'members.updated' : 'members.created', { name: saved.name }),
                  })
                  setVersion((v) => v + 1)
                }}
              />
            )}
            {current && (
              <>
                <Group>
                  <Button
                    variant="light"
                    color={current.archivedAt ? 'blue' : 'red'}
                    onClick={() => void toggleArchive(current)}
                  >
                    {t(current.archivedAt ? 'common.restore' : 'common.archive')}
                  </Button>
                </Group>
                <Divider />
                <RecordHistory
                  table="members"
                  id={current.id}
                  version={current.updatedAt}
                  describeColumn={(column) => {
                    const key = MEMBER_COLUMN_LABELS[column]
                    return key ? t(key) : column
                  }}
                />
              </>
            )}
          </Stack>
        )}
      </Drawer>
    </Stack>
  )
}
