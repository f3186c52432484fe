import { Anchor, Badge, Button, Group } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Agreement } from '@shared/funds/schema'
import { money } from '@shared/money/money'
import { FormDrawer } from '../../components/page/FormDrawer'
import { ListPage } from '../../components/page/ListPage'
import type { ListColumn } from '../../components/list/list-columns'
import {
  ArchivedFilter,
  ChoiceFilter,
  filterParameters,
} from '../../components/list/ListFilterControls'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import type { Status } from '../../components/StatusMessage'
import { useChannel } from '../../lib/use-api-data'
import { useAppStore } from '../../app/app-store'
import { AgreementForm } from './AgreementForm'
import { AgreementPage } from './AgreementPage'
import { OtherIncomeSection } from './OtherIncomeSection'

/** Conventions: the list with each agreement's position, and one agreement's page. */
export function AgreementsPage() {
  const { t } = useTranslation()
  const [view, setView] = useListView('agreements')
  const initialClass = useAppStore((s) => s.agreementsClass)
  const fundClass = initialClass ?? (view.class || null)
  const [creating, setCreating] = useState(false)
  const openId = useAppStore((s) => s.openAgreementId)
  const setOpenId = useAppStore((s) => s.openAgreement)
  const openFunder = useAppStore((s) => s.openFunder)
  const [status, setStatus] = useState<Status | null>(null)

  const {
    data: agreements,
    error,
    reload,
  } = useChannel('agreements.list', { includeArchived: view.archived === '1' })

  const visible = useMemo(
    () => (agreements ?? []).filter((a) => !fundClass || a.fundClass === fundClass),
    [agreements, fundClass],
  )
  const classes = (['tied', 'untied'] as const).map((c) => ({
    value: c,
    label: t(`agreements.fundClass.${c}`),
  }))

  const columns = useMemo<ListColumn<Agreement>[]>(
    () => [
      {
        id: 'reference',
        kind: 'text',
        value: (a) => a.reference,
        header: t('agreements.field.reference'),
        width: 190,
        cell: (a) => (
          <Anchor
            component="button"
            size="sm"
            onClick={() => setOpenId(a.id)}
            aria-label={t('agreements.open', { reference: a.reference })}
          >
            {a.reference}
          </Anchor>
        ),
      },
      {
        id: 'funder',
        kind: 'text',
        value: (a) => a.funderName,
        header: t('agreements.field.funder'),
        cell: (a) => (
          <Anchor
            component="button"
            size="sm"
            onClick={() => openFunder(a.funderId)}
            aria-label={t('agreements.openFunder', { name: a.funderName })}
          >
            {a.funderName}
          </Anchor>
        ),
      },
      {
        id: 'title',
        kind: 'text',
        value: (a) => a.title,
        header: t('agreements.field.title'),
        width: 240,
        priority: 8,
      },
      {
        id: 'programme',
        kind: 'text',
        value: (a) => a.programme,
        header: t('agreements.field.programme'),
        optional: true,
      },
      {
        id: 'class',
        kind: 'text',
        value: (a) => t(`agreements.earmarking.${a.earmarking}`),
        header: t('agreements.field.earmarking'),
        width: 150,
        priority: 9,
        cell: (a) => (
          <Group gap={4} wrap="nowrap">
            <Badge size="sm" variant="light" color={a.fundClass === 'untied' ? 'green' : 'blue'}>
              {t(`agreements.earmarking.${a.earmarking}`)}
            </Badge>
            {a.archivedAt && (
              <Badge size="sm" color="gray">
                {t('common.archived')}
              </Badge>
            )}
          </Group>
        ),
      },
      {
        id: 'startsOn',
        kind: 'date',
        value: (a) => a.startsOn,
        header: t('agreements.field.startsOn'),
        priority: 10,
      },
      {
        id: 'endsOn',
        kind: 'date',
        value: (a) => a.endsOn,
        header: t('agreements.field.endsOn'),
        priority: 5,
      },
      ...(['committed', 'received', 'spent', 'available'] as const).map(
        (figure): ListColumn<Agreement> => ({
          id: figure,
          kind: 'money',
          amount: (a) => money(a.figuresEur[figure], 'EUR'),
          header: `${t(`agreements.figure.${figure}`)} (EUR)`,
          width: 125,
        }),
      ),
      {
        id: 'committedIn',
        kind: 'money',
        amount: (a) => money(a.figures.committed, a.currency),
        header: `${t('agreements.figure.committed')} (${t('agreements.field.currency')})`,
        width: 150,
        optional: true,
      },
    ],
    [t, setOpenId, openFunder],
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
      <RegisterList
        listId="agreements"
        label={t('agreements.title')}
        rows={visible}
        columns={columns}
        getRowId={(a) => a.id}
        onOpen={(a) => setOpenId(a.id)}
        view={view}
        onView={setView}
        searchPlaceholder={t('agreements.searchPlaceholder')}
        initialSort={{ id: 'startsOn', desc: true }}
        error={error}
        filters={
          <>
            <ChoiceFilter
              name="class"
              label={t('agreements.classFilter')}
              data={classes}
              view={{ ...view, class: fundClass ?? '' }}
              onView={setView}
            />
            <ArchivedFilter view={view} onView={setView} />
          </>
        }
        parameters={filterParameters([
          { label: t('agreements.classFilter'), value: fundClass ?? undefined, data: classes },
        ])}
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
