import { Badge, Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { DuesCall } from '@shared/dues/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { Amount } from '../../components/Amount'
import { useLanguage } from '../../lib/use-language'

const STATUS_COLORS = { open: 'orange', partly_paid: 'yellow', paid: 'green', cancelled: 'gray' }

/** Dues calls with what was paid and what is owed; `actions` adds a cell per call. */
export function CallsTable({
  calls,
  label,
  showMember = false,
  actions,
}: {
  calls: DuesCall[]
  label: string
  showMember?: boolean
  actions?: (call: DuesCall) => ReactNode
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  if (calls.length === 0) return <Text c="dimmed">{t('dues.calls.empty')}</Text>
  return (
    <Table withTableBorder striped aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('dues.calls.number')}</Table.Th>
          {showMember && <Table.Th>{t('dues.calls.member')}</Table.Th>}
          <Table.Th>{t('dues.year')}</Table.Th>
          <Table.Th>{t('dues.calls.dueOn')}</Table.Th>
          <Table.Th ta="right">{t('dues.calls.amount')}</Table.Th>
          <Table.Th ta="right">{t('dues.calls.paid')}</Table.Th>
          <Table.Th ta="right">{t('dues.calls.outstanding')}</Table.Th>
          <Table.Th>{t('dues.calls.status')}</Table.Th>
          <Table.Th>{t('dues.calls.basis')}</Table.Th>
          {actions && <Table.Th>{t('common.actions')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {calls.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{c.number}</Table.Td>
            {showMember && <Table.Td>{c.memberName}</Table.Td>}
            <Table.Td>{c.year}</Table.Td>
            <Table.Td>{formatDate(c.dueOn, language)}</Table.Td>
            <Table.Td ta="right">
              <Amount minor={c.amount} currency={c.currency} />
            </Table.Td>
            <Table.Td ta="right">
              <Amount minor={c.paid} currency={c.currency} />
            </Table.Td>
            <Table.Td ta="right">
              <Amount minor={c.outstanding} currency={c.currency} />
            </Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={STATUS_COLORS[c.status]}>
                {t(`dues.calls.status_${c.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="xs">{c.cancelReason ?? c.basis}</Text>
            </Table.Td>
            {actions && <Table.Td>{actions(c)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
