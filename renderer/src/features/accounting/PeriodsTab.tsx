import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { useState } from 'react'
import { useRefusalsInView } from '../../lib/use-refusals-in-view'
import { useTranslation } from 'react-i18next'
import type { PeriodsView } from '@shared/accounting/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { Amount } from '../../components/Amount'
import type { Status } from '../../components/StatusMessage'
import { call, errorMessage } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { fieldErrors } from './field-errors'
import { useChannel } from '../../lib/use-api-data'

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
      {periods.closures.length > 0 && (
        <Table striped withTableBorder aria-label={t('accounting.tabs.periods')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounting.col.through')}</Table.Th>
              <Table.Th>{t('accounting.col.closedOn')}</Table.Th>
              <Table.Th>{t('accounting.col.closedBy')}</Table.Th>
              <Table.Th ta="right">{t('accounting.col.entries')}</Table.Th>
              <Table.Th>{t('accounting.col.digest')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.closures.map((closure) => (
              <Table.Tr key={closure.id} data-record-id={closure.id}>
                <Table.Td>{formatDate(closure.closesThrough, language)}</Table.Td>
                <Table.Td>{formatDate(closure.closedOn, language)}</Table.Td>
                <Table.Td>{closure.closedBy}</Table.Td>
                <Table.Td ta="right">{closure.entries}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" title={closure.digest}>
                    {closure.digest.slice(0, 16)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {closure.canReopen && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setReopening({ id: closure.id, reason: '' })}
                    >
                      {t('accounting.reopen')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
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
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accounting.col.entryDate')}</Table.Th>
                <Table.Th>{t('accounting.col.bookedOn')}</Table.Th>
                <Table.Th>{t('accounting.col.label')}</Table.Th>
                <Table.Th ta="right">{t('accounting.col.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {periods.lateEntries.map((entry) => (
                <Table.Tr key={entry.ledgerId}>
                  <Table.Td>{formatDate(entry.entryDate, language)}</Table.Td>
                  <Table.Td>{formatDate(entry.bookedOn, language)}</Table.Td>
                  <Table.Td>{entry.label}</Table.Td>
                  <Table.Td ta="right">
                    <Amount minor={entry.eurMinor} currency="EUR" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}
    </Stack>
  )
}
