import { Paper, Stack, Title } from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DuesPayment } from '@shared/dues/schema'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { PaymentForm } from './PaymentForm'
import { PaymentsTable } from './PaymentsTable'
import { useChannel } from '../../lib/use-api-data'

/** Payments of the year, and one to record for any member. */
export function PaymentsTab({ year }: { year: number }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const members = useChannel('members.list', {}).data ?? []
  const [payments, setPayments] = useState<DuesPayment[]>([])
  const [status, setStatus] = useState<Status | null>(null)
  const load = useCallback(() => {
    void call('dues.payments', { year }).then(setPayments)
  }, [year])
  useEffect(load, [load])
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
            load()
          }}
        />
      </Paper>
      <PaymentsTable payments={payments} label={t('dues.payments.list')} showMember />
    </Stack>
  )
}
