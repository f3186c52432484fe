import { Paper, Stack, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { useAppStore } from '../../app/app-store'
import { useLanguage } from '../../lib/use-language'
import { useChannel } from '../../lib/use-api-data'
import { PaymentForm } from './PaymentForm'
import { paymentColumns } from './payment-columns'

/** Payments of the year, searched and totalled, and one to record for any member. */
export function PaymentsTab({ year }: { year: number }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const members = useChannel('members.list', {}).data ?? []
  const payments = useChannel('dues.payments', { year })
  const [view, setView] = useListView('payments')
  const openMember = useAppStore((s) => s.openMember)
  const [status, setStatus] = useState<Status | null>(null)
  const columns = useMemo(() => paymentColumns(t, language), [t, language])
  return (
    <Stack gap="md">
      <StatusMessage status={status} onClose={() => setStatus(null)} />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('dues.payments.title')}
        </Title>
        <PaymentForm
          members={members}
          onSaved={(payment) => {
            setStatus({
              ok: true,
              text: t('dues.payments.added', {
                settled: formatMoney(money(payment.settled, payment.currency), language),
                credit: formatMoney(money(payment.credit, payment.currency), language),
              }),
            })
            payments.reload()
          }}
        />
      </Paper>
      <RegisterList
        listId="payments"
        label={t('dues.payments.list')}
        rows={payments.data ?? []}
        columns={columns}
        getRowId={(p) => p.id}
        onOpen={(p) => openMember(p.memberId)}
        view={view}
        onView={setView}
        searchPlaceholder={t('list.placeholder.payments')}
        initialSort={{ id: 'receivedOn', desc: true }}
        error={payments.error}
        parameters={[{ label: t('dues.year'), value: String(year) }]}
        height="70vh"
      />
    </Stack>
  )
}
