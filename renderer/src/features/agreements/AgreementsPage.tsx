import { Anchor, Badge, Button, Drawer, Group, Stack, Text, Title } from '@mantine/core'
import type { ColumnDef } from '@tanstack/react-table'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Agreement } from '@shared/funds/schema'
import { Amount } from '../../components/Amount'
import { DataTable } from '../../components/DataTable'
import { ListFilters } from '../../components/ListFilters'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { call } from '../../lib/api'
import { formatDate } from '@shared/i18n/format-dates'
import { matchesSearch } from '@shared/text/search'
import { useLanguage } from '../../lib/use-language'
import { useAppStore } from '../../app/app-store'
import { AgreementForm } from './AgreementForm'
import { AgreementPage } from './AgreementPage'
import { OtherIncomeSection } from './OtherIncomeSection'

/** Conventions: the list with each agreement's position, and one agreement's page. */
export function AgreementsPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const [agreements, setAgreements] = useState<Agreement[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [version, setVersion] = useState(0)
  const [showArchived, setShowArchived] = useState(false)
  const [search, setSearch] = useState('')
  const initialClass = useAppStore((s) => s.agreementsClass)
  const [fundClass, setFundClass] = useState<string | null>(initialClass)
  const [creating, setCreating] = useState(false)
  const openId = useAppStore((s) => s.openAgreementId)
  const setOpenId = useAppStore((s) => s.openAgreement)
  const [status, setStatus] = useState<Status | null>(null)

  useEffect(() => {
    let current = true
    call('agreements.list', { includeArchived: showArchived }).then(
      (list) => current && setAgreements(list),
      (failure: unknown) => current && setError(failure),
    )
    return () => {
      current = false
    }
  }, [showArchived, version])

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
          setVersion((v) => v + 1)
        }}
      />
    )
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('agreements.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('agreements.subtitle')}
          </Text>
        </div>
        <Button onClick={() => setCreating(true)}>{t('agreements.new')}</Button>
      </Group>
      <StatusMessage status={status} onClose={() => setStatus(null)} />
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
      <Drawer
        opened={creating}
        onClose={() => setCreating(false)}
        position="right"
        size="xl"
        title={t('agreements.newTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating && (
          <AgreementForm
            onCancel={() => setCreating(false)}
            onSaved={(saved) => {
              setCreating(false)
              setStatus({ ok: true, text: t('agreements.created', { reference: saved.reference }) })
              setOpenId(saved.id)
            }}
          />
        )}
      </Drawer>
    </Stack>
  )
}
