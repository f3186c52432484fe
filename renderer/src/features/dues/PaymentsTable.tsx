import { Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { DuesPayment } from '@shared/dues/schema'
import { settlementsText } from '@shared/dues/settlements-text'
import { formatDate } from '@shared/i18n/format-dates'
import { Amount } from '../../components/Amount'
import { useLanguage } from '../../lib/use-language'

/** Payments with the calls each settled and the credit it left. */
export function PaymentsTable({
  payments,
  label,
  showMember = false,
  actions,
}: {
  payments: DuesPayment[]
  label: string
  showMember?: boolean
  actions?: (payment: DuesPayment) => ReactNode
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  if (payments.length === 0) return <Text c="dimmed">{t('dues.payments.empty')}</Text>
  return (
    <Table withTableBorder striped aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('dues.payments.receivedOn')}</Table.Th>
          {showMember && <Table.Th>{t('dues.payments.member')}</Table.Th>}
          <Table.Th>{t('dues.payments.kind')}</Table.Th>
          <Table.Th ta="right">{t('dues.payments.amount')}</Table.Th>
          <Table.Th ta="right">EUR</Table.Th>
          <Table.Th>{t('dues.payments.settles')}</Table.Th>
          <Table.Th ta="right">{t('dues.payments.credit')}</Table.Th>
          <Table.Th>{t('dues.payments.method')}</Table.Th>
          {actions && <Table.Th>{t('common.actions')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {payments.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>{formatDate(p.receivedOn, language)}</Table.Td>
            {showMember && <Table.Td>{p.memberName}</Table.Td>}
            <Table.Td>{t(`dues.payments.kind_${p.kind}`)}</Table.Td>
            <Table.Td ta="right">
              <Amount minor={p.amount} currency={p.currency} />
            </Table.Td>
            <Table.Td ta="right">
              <Amount minor={p.eurAmount} currency="EUR" />
            </Table.Td>
            <Table.Td>
              <Text size="xs">{settlementsText(p.settlements, language)}</Text>
            </Table.Td>
            <Table.Td ta="right">
              {p.credit > 0 ? <Amount minor={p.credit} currency={p.currency} /> : ''}
            </Table.Td>
            <Table.Td>
              {t(`dues.payments.method_${p.method}`)} {p.bankReference ?? ''}
            </Table.Td>
            {actions && <Table.Td>{actions(p)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
