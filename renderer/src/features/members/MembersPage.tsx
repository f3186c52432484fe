import { formatCount } from '@shared/i18n/format-number'
import { Badge, Button, Group } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { countryName } from '@shared/geo/country-names'
import { REGIONS } from '@shared/geo/regions'
import { MEMBER_KINDS, MEMBER_STATUSES, type Member } from '@shared/members/schema'
import { money } from '@shared/money/money'
import type { ListColumn } from '../../components/list/list-columns'
import {
  ChoiceFilter,
  SwitchFilters,
  filterParameters,
} from '../../components/list/ListFilterControls'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import { useAppStore } from '../../app/app-store'
import { FormDrawer } from '../../components/page/FormDrawer'
import { ListPage } from '../../components/page/ListPage'
import type { Status } from '../../components/StatusMessage'
import { useChannel } from '../../lib/use-api-data'
import { useLanguage } from '../../lib/use-language'
import { MemberForm } from './MemberForm'
import { MemberPage } from './MemberPage'

/** Statut and Pays on the list's line; the other filters folded behind « Filtres (n) ». */
const MAIN_FILTERS = ['status', 'country']

/** Membres: the register of the network's cities and associations. */
export function MembersPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const [view, setView] = useListView('members')
  const [creating, setCreating] = useState(false)
  const openId = useAppStore((s) => s.openMemberId)
  const openMember = useAppStore((s) => s.openMember)
  const [status, setStatus] = useState<Status | null>(null)

  const {
    data: members,
    error,
    reload,
  } = useChannel('members.list', { includeArchived: view.archived === '1' })

  const visible = useMemo(
    () =>
      (members ?? []).filter(
        (m) =>
          (!view.kind || m.kind === view.kind) &&
          (!view.status || m.status === view.status) &&
          (!view.country || m.country === view.country) &&
          (!view.region || m.region === view.region) &&
          (view.arrears !== '1' || m.arrearsEur > 0) &&
          (view.bureau !== '1' || m.inBureau),
      ),
    [members, view],
  )
  const choices = useMemo(() => {
    const countries = [...new Set((members ?? []).map((m) => m.country).filter((c) => c !== null))]
      .map((code) => ({ value: code, label: countryName(code, language) }))
      .sort((a, b) => a.label.localeCompare(b.label, language))
    return [
      {
        name: 'kind',
        label: t('members.kindFilter'),
        data: MEMBER_KINDS.map((k) => ({ value: k, label: t(`members.kind.${k}`) })),
        width: 170,
      },
      {
        name: 'status',
        label: t('members.field.status'),
        data: MEMBER_STATUSES.map((st) => ({ value: st, label: t(`members.status.${st}`) })),
        width: 160,
      },
      { name: 'country', label: t('members.field.country'), data: countries, width: 170 },
      {
        name: 'region',
        label: t('members.field.region'),
        data: REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) })),
        width: 190,
      },
    ]
  }, [members, language, t])
  const switches = [
    { name: 'arrears', label: t('members.inArrears') },
    { name: 'bureau', label: t('members.inBureau') },
    { name: 'archived', label: t('common.showArchived') },
  ]

  const columns = useMemo<ListColumn<Member>[]>(
    () => [
      {
        id: 'name',
        kind: 'text',
        value: (m) => m.name,
        header: t('members.field.name'),
        width: 230,
        cell: (m) => (
          <Group gap={6} wrap="nowrap">
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => openMember(m.id)}
              aria-label={t('members.open', { name: m.name })}
            >
              {m.name}
            </Button>
            {m.archivedAt && (
              <Badge size="xs" color="gray">
                {t('common.archived')}
              </Badge>
            )}
          </Group>
        ),
      },
      {
        id: 'code',
        kind: 'text',
        value: (m) => m.code,
        header: t('members.field.code'),
        width: 110,
      },
      {
        id: 'kind',
        kind: 'text',
        value: (m) => t(`members.kind.${m.kind}`),
        header: t('members.field.kind'),
        width: 150,
      },
      {
        id: 'country',
        kind: 'text',
        value: (m) => (m.country ? countryName(m.country, language) : null),
        header: t('members.field.country'),
        width: 140,
      },
      {
        id: 'region',
        kind: 'text',
        value: (m) => (m.region ? t(`regions.${m.region}`) : null),
        header: t('members.field.region'),
        optional: true,
      },
      {
        id: 'population',
        kind: 'number',
        value: (m) => m.population,
        header: t('members.field.population'),
        cell: (m) => (m.population === null ? '' : formatCount(m.population, language)),
        width: 120,
      },
      {
        id: 'status',
        kind: 'text',
        value: (m) => t(`members.status.${m.status}`),
        header: t('members.field.status'),
        width: 120,
      },
      {
        id: 'leader',
        kind: 'text',
        value: (m) => m.leaderName,
        header: t('members.field.leaderName'),
        optional: true,
      },
      {
        id: 'openProjects',
        kind: 'number',
        value: (m) => m.openProjects,
        header: t('members.field.openProjects'),
        width: 120,
      },
      {
        id: 'arrears',
        kind: 'money',
        amount: (m) => money(m.arrearsEur, 'EUR'),
        header: t('members.field.arrears'),
        width: 140,
      },
      {
        id: 'bureau',
        kind: 'text',
        value: (m) => (m.inBureau ? t('dues.roles.body_bureau') : null),
        header: t('dues.roles.body_bureau'),
        width: 90,
        priority: 20,
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
      <RegisterList
        listId="members"
        label={t('members.title')}
        rows={visible}
        columns={columns}
        getRowId={(m) => m.id}
        onOpen={(member) => openMember(member.id)}
        view={view}
        onView={setView}
        searchPlaceholder={t('members.searchPlaceholder')}
        initialSort={{ id: 'name', desc: false }}
        error={error}
        filters={choices
          .filter((choice) => MAIN_FILTERS.includes(choice.name))
          .map((choice) => (
            <ChoiceFilter key={choice.name} {...choice} view={view} onView={setView} />
          ))}
        moreFilters={{
          content: (
            <>
              {choices
                .filter((choice) => !MAIN_FILTERS.includes(choice.name))
                .map((choice) => (
                  <ChoiceFilter key={choice.name} {...choice} view={view} onView={setView} />
                ))}
              <SwitchFilters switches={switches} view={view} onView={setView} />
            </>
          ),
          keys: [
            ...choices.map((c) => c.name).filter((name) => !MAIN_FILTERS.includes(name)),
            ...switches.map((s) => s.name),
          ],
        }}
        parameters={filterParameters(
          choices.map((c) => ({ label: c.label, value: view[c.name], data: c.data })),
        )}
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
