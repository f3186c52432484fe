import { Anchor, Badge, Button, Group } from '@mantine/core'
import type { ColumnDef } from '@tanstack/react-table'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Agreement } from '@shared/funds/schema'
import { Amount } from '../../components/Amount'
import { DataTable } from '../../components/DataTable'
import { ListFilters } from '../../components/ListFilters'
import { FormDrawer } from '../../components/page/FormDrawer'
import { ListPage } from '../../components/page/ListPage'
import type { Status } from '../../components/StatusMessage'
import { formatDate } from '@shared/i18n/format-dates'
import { matchesSearch } from '@shared/text/search'
import { useChannel } from '../../lib/use-api-data'
import { useLanguage } from '../../lib/use-language'
import { useAppStore } from '../../app/app-store'
import { AgreementForm } from './AgreementForm'
import { AgreementPage } from './AgreementPage'
import { OtherIncomeSection } from './OtherIncomeSection'

/** Conventions: the list with each agreement's position, and one agreement's page. */
export function AgreementsPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const [showArchived, setShowArchived] = useState(false)
  const [search, setSearch] = useState('')
  const initialClass = useAppStore((s) => s.agreementsClass)
  const [fundClass, setFundClass] = useState<string | null>(initialClass)
  const [creating, setCreating] = useState(false)
  const openId = useAppStore((s) => s.openAgreementId)
  const setOpenId = useAppStore((s) => s.openAgreement)
  const [status, setStatus] = useState<Status | null>(null)

  const {
    data: agreements,
    error,
    reload,
  } = useChannel('agreements.list', { includeArchived: showArchived })

  const visible = useMemo(
    () =>
      (agreements ?? []).filter(
        (a) =>
          (!fundClass || a.fundClass === fundClass) &&
          matchesSearch(search, [a.reference, a.title, a.funderName, a.programme]),
      ),
    [agreements, fundClass, search],
  )

  const columns = useMemo<ColumnDef<Agreement>[]>(
    () => [
      {
        id: 'reference',
        accessorKey: 'reference',
        header: t('agreements.field.reference'),
        cell: ({ row }) => (
          <Anchor
            component="button"
            size="sm"
            onClick={() => setOpenId(row.original.id)}
            aria-label={t('agreements.open', { reference: row.original.reference })}
          >
            {row.original.reference}
          </Anchor>
        ),
      },
      { id: 'funder', accessorKey: 'funderName', header: t('agreements.field.funder') },
      { id: 'title', accessorKey: 'title', header: t('agreements.field.title') },
      {
        id: 'class',
        accessorFn: (a) => t(`agreements.fundClass.${a.fundClass}`),
        header: t('agreements.field.earmarking'),
        cell: ({ row }) => (
          <Group gap={4} wrap="nowrap">
            <Badge
              size="sm"
              variant="light"
              color={row.original.fundClass === 'untied' ? 'green' : 'blue'}
            >
              {t(`agreements.earmarking.${row.original.earmarking}`)}
            </Badge>
            {row.original.archivedAt && (
              <Badge size="sm" color="gray">
                {t('common.archived')}
              </Badge>
            )}
          </Group>
        ),
      },
      {
        id: 'startsOn',
        accessorKey: 'startsOn',
        header: t('agreements.field.startsOn'),
        cell: ({ row }) => formatDate(row.original.startsOn, language),
      },
      {
        id: 'endsOn',
        accessorKey: 'endsOn',
        header: t('agreements.field.endsOn'),
        cell: ({ row }) => formatDate(row.original.endsOn, language),
      },
      {
        id: 'committed',
        accessorFn: (a) => a.figuresEur.committed,
        header: `${t('agreements.figure.committed')} (EUR)`,
        meta: { numeric: true },
        cell: ({ row }) => <Amount minor={row.original.figuresEur.committed} currency="EUR" />,
      },
      {
        id: 'received',
        accessorFn: (a) => a.figuresEur.received,
        header: `${t('agreements.figure.received')} (EUR)`,
        meta: { numeric: true },
        cell: ({ row }) => <Amount minor={row.original.figuresEur.received} currency="EUR" />,
      },
      {
        id: 'available',
        accessorFn: (a) => a.figuresEur.available,
        header: `${t('agreements.figure.available')} (EUR)`,
        meta: { numeric: true },
        cell: ({ row }) => <Amount minor={row.original.figuresEur.available} currency="EUR" />,
      },
    ],
    [t, language, setOpenId],
  )

  if (openId) {
    return (
      <AgreementPage
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
      title={t('agreements.title')}
      subtitle={t('agreements.subtitle')}
      actions={<Button onClick={() => setCreating(true)}>{t('agreements.new')}</Button>}
      status={status}
      onCloseStatus={() => setStatus(null)}
    >
      <ListFilters
        search={search}
        onSearch={setSearch}
        searchPlaceholder={t('agreements.searchPlaceholder')}
        choice={{
          label: t('agreements.classFilter'),
          data: (['tied', 'untied'] as const).map((c) => ({
            value: c,
            label: t(`agreements.fundClass.${c}`),
          })),
          value: fundClass,
          onChange: setFundClass,
        }}
        showArchived={showArchived}
        onShowArchived={setShowArchived}
        error={error}
        rows={visible.length}
      />
      <DataTable
        data={visible}
        columns={columns}
        getRowId={(a) => a.id}
        label={t('agreements.title')}
        initialSorting={[{ id: 'startsOn', desc: true }]}
        onRowOpen={(a) => setOpenId(a.id)}
      />
      <OtherIncomeSection />
      <FormDrawer
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('agreements.newTitle')}
      >
        <AgreementForm
          onCancel={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false)
            setStatus({ ok: true, text: t('agreements.created', { reference: saved.reference }) })
            setOpenId(saved.id)
          }}
        />
      </FormDrawer>
    </ListPage>
  )
}
