import { Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { DuesCall, DuesPayment } from '@shared/dues/schema'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import { useLanguage } from '../../lib/use-language'
import { callColumns } from '../dues/call-columns'
import { paymentColumns } from '../dues/payment-columns'

/** A list inside a tab: it scrolls in its own box rather than lengthening the page. */
const TAB_LIST_HEIGHT = '45vh'

/**
 * A member's calls and payments as the registers of the Cotisations area show them (its own
 * name left out): searched, totalled, exported and printed; a payment's buttons in its row.
 */
export function MemberDuesLists({
  memberName,
  calls,
  payments,
  paymentActions,
}: {
  memberName: string
  calls: DuesCall[]
  payments: DuesPayment[]
  paymentActions: (payment: DuesPayment) => ReactNode
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [callsView, setCallsView] = useListView('memberCalls')
  const [paymentsView, setPaymentsView] = useListView('memberPayments')
  const ofMember = [{ label: t('dues.calls.member'), value: memberName }]
  const calledColumns = useMemo(
    () => callColumns(t).filter((column) => column.id !== 'member'),
    [t],
  )
  const paidColumns = useMemo(
    () => paymentColumns(t, language).filter((column) => column.id !== 'member'),
    [t, language],
  )
  return (
    <>
      <Title order={3} size="h5" mt="md">
        {t('dues.account.calls')}
      </Title>
      <RegisterList
        listId="memberCalls"
        label={t('dues.account.calls')}
        rows={calls}
        columns={calledColumns}
        getRowId={(call) => call.id}
        view={callsView}
        onView={setCallsView}
        searchPlaceholder={t('list.placeholder.calls')}
        initialSort={{ id: 'number', desc: true }}
        parameters={ofMember}
        height={TAB_LIST_HEIGHT}
      />
      <Title order={3} size="h5" mt="md">
        {t('dues.account.payments')}
      </Title>
      <RegisterList
        listId="memberPayments"
        label={t('dues.account.payments')}
        rows={payments}
        columns={paidColumns}
        getRowId={(payment) => payment.id}
        view={paymentsView}
        onView={setPaymentsView}
        searchPlaceholder={t('list.placeholder.payments')}
        initialSort={{ id: 'receivedOn', desc: true }}
        parameters={ofMember}
        height={TAB_LIST_HEIGHT}
        rowActions={paymentActions}
        actionsWidth={290}
      />
    </>
  )
}
