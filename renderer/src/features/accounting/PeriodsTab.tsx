import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { useMemo, useState } from 'react'
import { useRefusalsInView } from '../../lib/use-refusals-in-view'
import { useTranslation } from 'react-i18next'
import type { PeriodsView } from '@shared/accounting/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import type { Status } from '../../components/StatusMessage'
import { call, errorMessage } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { fieldErrors } from './field-errors'
import { useChannel } from '../../lib/use-api-data'
import { closureColumns, lateEntryColumns } from './periods-columns'

/** The last day of a month given as YYYY-MM. */
function monthEnd(month: string): string {
  const [year, m] = month.split('-').map(Number)
  return new Date(Date.UTC(year ?? 0, m ?? 0, 0)).toISOString().slice(0, 10)
}

/**
 * Périodes closes: close a year or the months up to one; the closings made, the latest of which
 * can be reopened with a reason; the entries that came from another copy after a closing.
 */
export function PeriodsTab({ onStatus }: { onStatus: (status: Status | null) => void }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { data: periods, setData: setPeriods } = useChannel('accounting.periods', {})
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState(String(thisYear - 1))
  const [month, setMonth] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const refusals = useRefusalsInView<HTMLDivElement>(errors)
  const columns = useMemo(() => ({ closures: closureColumns(t), late: lateEntryColumns(t) }), [t])
  const [closuresView, setClosuresView] = useListView('periods')
  const [lateView, setLateView] = useListView('late')
  const [reopening, setReopening] = useState<{ id: string; reason: string } | null>(null)
  async function run(action: () => Promise<PeriodsView>, done: (view: PeriodsView) => string) {
    try {
      const view = await action()
      setPeriods(view)
      setErrors({})
      onStatus({ ok: true, text: done(view) })
    } catch (failure) {
      setErrors(fieldErrors(failure))
      onStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })
    }
  }
  const close = (through: string) =>
    run(
      () => call('accounting.close', { through }),
      (view) =>
        t('accounting.closed', {
          date: formatDate(through, language),
          count: view.closures[0]?.entries ?? 0,
        }),
    )
  if (!periods) return null
  return (
    <Stack ref={refusals}>
      <Text fw={500}>
        {periods.closedThrough
          ? t('accounting.closedThrough', { date: formatDate(periods.closedThrough, language) })
          : t('accounting.nothingClosed')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('accounting.closeHelp')}
      </Text>
      <Group align="flex-end">
        <ListSelect
          label={t('accounting.entries.year')}
          data={Array.from({ length: 20 }, (_, i) => String(thisYear - i))}
          value={year}
          onChange={(value) => value && setYear(value)}
          allowDeselect={false}
          w={120}
          error={errors.through}
        />
        <Button onClick={() => void close(`${year}-12-31`)}>{t('accounting.closeYear')}</Button>
        <TextInput
          type="month"
          label={t('accounting.closeMonth')}
          value={month}
          onChange={(event) => setMonth(event.currentTarget.value)}
        />
        <Button variant="default" disabled={!month} onClick={() => void close(monthEnd(month))}>
          {t('accounting.closeAction')}
        </Button>
      </Group>
      <RegisterList
        listId="periods"
        label={t('accounting.tabs.periods')}
        rows={periods.closures}
        columns={columns.closures}
        getRowId={(c) => c.id}
        view={closuresView}
        onView={setClosuresView}
        searchPlaceholder={t('list.placeholder.periods')}
        rowActions={(closure) =>
          closure.canReopen && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => setReopening({ id: closure.id, reason: '' })}
            >
              {t('accounting.reopen')}
            </Button>
          )
        }
        height="50vh"
      />
      {reopening && (
        <Group align="flex-end">
          <TextInput
            label={t('accounting.reopenReason')}
            value={reopening.reason}
            onChange={(event) => setReopening({ ...reopening, reason: event.currentTarget.value })}
            error={errors.reason}
            style={{ flex: 1 }}
          />
          <Button
            color="red"
            onClick={() =>
              void run(
                () => call('accounting.reopen', reopening),
                () => {
                  setReopening(null)
                  return t('accounting.reopened')
                },
              )
            }
          >
            {t('accounting.reopen')}
          </Button>
        </Group>
      )}
      {periods.lateEntries.length > 0 && (
        <Alert color="orange" variant="light">
          <Title order={3} size="h5">
            {t('accounting.lateTitle')}
          </Title>
          <Text size="sm" mb="xs">
            {t('accounting.lateHelp')}
          </Text>
          <RegisterList
            listId="late"
            label={t('accounting.lateTitle')}
            rows={periods.lateEntries}
            columns={columns.late}
            getRowId={(e) => e.ledgerId}
            view={lateView}
            onView={setLateView}
            searchPlaceholder={t('list.placeholder.lateEntries')}
            initialSort={{ id: 'bookedOn', desc: true }}
            height="40vh"
          />
        </Alert>
      )}
    </Stack>
  )
}
