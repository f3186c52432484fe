import { Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DuplicatePair, SyncConflict } from '@shared/sync/schema'
import { parseHlc } from '@shared/sync/stamps'
import { formatDate, formatDateTime } from '@shared/i18n/format-dates'
import { formatMoney } from '@shared/money/format'
import type { CurrencyCode } from '@shared/money/currencies'
import { columnLabel, tableLabel } from '../journal/record-labels'
import { useLanguage } from '../../lib/use-language'

interface Props {
  conflict: SyncConflict
  busy: boolean
  onResolve: (choice: 'kept' | 'other') => void
  onCancel: (recordId: string) => void
}

/**
 * One thing to review: a field changed on both sides, a record archived on one side and edited
 * on the other, what a merge broke in the accounts — or one money event entered on two copies,
 * with both records and the cancellation of either.
 */
export function ReviewItem({ conflict, busy, onResolve, onCancel }: Props) {
  const { t } = useTranslation()
  const language = useLanguage()
  const value = (json: string | null) => {
    const parsed = JSON.parse(json ?? 'null') as unknown
    return parsed === null || parsed === ''
      ? t('sync.empty')
      : t('sync.quoted', { value: String(parsed) })
  }
  const when = (hlc: string | null) =>
    hlc ? formatDateTime(new Date(parseHlc(hlc).millis).toISOString(), language) : ''
  const title =
    conflict.kind === 'accounts'
      ? t('sync.accounts')
      : t(
          conflict.kind === 'archived_edited'
            ? conflict.record
              ? 'sync.archivedEditedOf'
              : 'sync.archivedEdited'
            : conflict.record
              ? 'sync.fieldOf'
              : 'sync.field',
          {
            table: tableLabel(t, conflict.table_name ?? ''),
            record: conflict.record ?? '',
            field: columnLabel(t, conflict.column_name ?? ''),
          },
        )
  return (
    <Paper component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
      <Stack gap={4}>
        <Text fw={600}>{title}</Text>
        {conflict.kind === 'accounts' ? (
          <Text size="sm">{conflict.detail}</Text>
        ) : (
          <>
            <Text size="sm">
              {t('sync.kept', {
                value: value(conflict.kept_value),
                author: conflict.kept_author ?? '',
                when: when(conflict.kept_hlc),
              })}
            </Text>
            <Text size="sm">
              {t('sync.other', {
                value: value(conflict.other_value),
                author: conflict.other_author ?? '',
                when: when(conflict.other_hlc),
              })}
            </Text>
          </>
        )}
        {conflict.duplicate && (
          <Duplicate pair={conflict.duplicate} busy={busy} onCancel={onCancel} />
        )}
        <Group gap="xs">
          <Button size="xs" variant="default" loading={busy} onClick={() => onResolve('kept')}>
            {conflict.duplicate ? t('sync.keepBoth') : t('sync.keep')}
          </Button>
          {conflict.kind !== 'accounts' && (
            <Button size="xs" variant="light" loading={busy} onClick={() => onResolve('other')}>
              {t('sync.takeOther')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}

/** The two records of a money event entered twice, each with its cancellation. */
function Duplicate({
  pair,
  busy,
  onCancel,
}: {
  pair: DuplicatePair
  busy: boolean
  onCancel: (recordId: string) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <Stack gap={4} component="ul" p={0} m={0}>
      {pair.records.map((record) => (
        <Group key={record.id} component="li" gap="xs" style={{ listStyle: 'none' }}>
          <Text size="sm" td={record.cancelled ? 'line-through' : undefined}>
            {t('sync.duplicateEntered', {
              label: record.label,
              date: formatDate(record.date, language),
              amount: formatMoney(
                { minor: record.amountMinor, currency: record.currency as CurrencyCode },
                language,
              ),
              author: record.author,
              when: formatDateTime(record.enteredAt, language),
            })}
            {record.cancelled && ` ${t('sync.duplicateCancelled')}`}
          </Text>
          {!record.cancelled && (
            <Button
              size="xs"
              color="red"
              variant="light"
              loading={busy}
              onClick={() => onCancel(record.id)}
            >
              {t('sync.cancelThis')}
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  )
}
