import { formatCount } from '@shared/i18n/format-number'
import { Badge, Button, Group, Select, Switch } from '@mantine/core'
import type { ColumnDef } from '@tanstack/react-table'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { countryName } from '@shared/geo/country-names'
import { REGIONS } from '@shared/geo/regions'
import { MEMBER_KINDS, MEMBER_STATUSES, type Member } from '@shared/members/schema'
import { matchesSearch } from '@shared/text/search'
import { DataTable } from '../../components/DataTable'
import { ListFilters } from '../../components/ListFilters'
import { Amount } from '../../components/Amount'
import { useAppStore } from '../../app/app-store'
import { FormDrawer } from '../../components/page/FormDrawer'
import { ListPage } from '../../components/page/ListPage'
import type { Status } from '../../components/StatusMessage'
import { useChannel } from '../../lib/use-api-data'
import { useLanguage } from '../../lib/use-language'
import { MemberForm } from './MemberForm'
import { MemberPage } from './MemberPage'

/** Membres: the register of the network's cities and associations. */
export function MembersPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const [showArchived, setShowArchived] = useState(false)
  const [search, setSearch] = useState('')
  const [kind, setKind] = useState<string | null>(null)
  const [memberStatus, setMemberStatus] = useState<string | null>(null)
  const [country, setCountry] = useState<string | null>(null)
  const [region, setRegion] = useState<string | null>(null)
  const [inArrears, setInArrears] = useState(false)
  const [inBureau, setInBureau] = useState(false)
  const [creating, setCreating] = useState(false)
  const openId = useAppStore((s) => s.openMemberId)
  const openMember = useAppStore((s) => s.openMember)
  const [status, setStatus] = useState<Status | null>(null)

  const {
    data: members,
    error,
    reload,
  } = useChannel('members.list', { includeArchived: showArchived })

  const visible = useMemo(
    () =>
      (members ?? []).filter(
        (m) =>
          (!kind || m.kind === kind) &&
          (!memberStatus || m.status === memberStatus) &&
          (!country || m.country === country) &&
          (!region || m.region === region) &&
          (!inArrears || m.arrearsEur > 0) &&
          (!inBureau || m.inBureau) &&
          matchesSearch(search, [
            m.code,
            m.name,
            m.leaderName,
            m.country ? countryName(m.country, language) : null,
          ]),
      ),
    [members, kind, memberStatus, country, region, inArrears, inBureau, search, language],
  )
  const countries = useMemo(
    () =>
      [...new Set((members ?? []).map((m) => m.country).filter((c) => c !== null))]
        .map((code) => ({ value: code, label: countryName(code, language) }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    [members, language],
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
              onClick={() => openMember(row.original.id)}
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
          row.original.population === null ? '' : formatCount(row.original.population, language),
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
      {
        id: 'arrears',
        accessorKey: 'arrearsEur',
        header: t('members.field.arrears'),
        meta: { numeric: true },
        cell: ({ row }) => <Amount minor={row.original.arrearsEur} currency="EUR" />,
      },
      {
        id: 'bureau',
        accessorFn: (m) => (m.inBureau ? t('dues.roles.body_bureau') : ''),
        header: t('dues.roles.body_bureau'),
      },
    ],
    [t, language, openMember],
  )

  if (openId) {
    return (
      <MemberPage
        id={openId}
        onBack={() => {
          openMember(null)
          reload()
        }}
      />
    )
  }

  return (
    <ListPage
      title={t('members.title')}
      subtitle={t('members.subtitle')}
      actions={<Button onClick={() => setCreating(true)}>{t('members.new')}</Button>}
      status={status}
      onCloseStatus={() => setStatus(null)}
    >
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
      <Group gap="md" align="flex-end">
        <Select
          label={t('members.field.status')}
          placeholder={t('common.all')}
          data={MEMBER_STATUSES.map((st) => ({ value: st, label: t(`members.status.${st}`) }))}
          value={memberStatus}
          onChange={setMemberStatus}
          clearable
          w={180}
        />
        <Select
          label={t('members.field.country')}
          placeholder={t('common.all')}
          data={countries}
          value={country}
          onChange={setCountry}
          searchable
          clearable
          w={200}
        />
        <Select
          label={t('members.field.region')}
          placeholder={t('common.all')}
          data={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
          value={region}
          onChange={setRegion}
          clearable
          w={220}
        />
        <Switch
          label={t('members.inArrears')}
          checked={inArrears}
          onChange={(event) => setInArrears(event.currentTarget.checked)}
          mb={8}
        />
        <Switch
          label={t('members.inBureau')}
          checked={inBureau}
          onChange={(event) => setInBureau(event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <DataTable
        data={visible}
        columns={columns}
        getRowId={(m) => m.id}
        label={t('members.title')}
        initialSorting={[{ id: 'name', desc: false }]}
        onRowOpen={(member) => openMember(member.id)}
      />
      <FormDrawer
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('members.newTitle')}
      >
        <MemberForm
          onCancel={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false)
            setStatus({ ok: true, text: t('members.created', { name: saved.name }) })
            reload()
          }}
        />
      </FormDrawer>
    </ListPage>
  )
}
