import { Button, Group, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EntryButton } from '../../components/page/EntryButton'
import type { AgreementDetail, Receipt } from '@shared/funds/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { TabRegister } from '../../components/list/TabRegister'
import { type ReversalFigure, useReversal } from '../../components/ReversalDialog'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { receiptColumns } from './agreement-tab-columns'
import { ReceiptForm } from './ReceiptForm'

/** An agreement's receipts: the list, each one's cancellation (reversed, with its reason), a new one. */
export function ReceiptsSection({
  agreement,
  onSaved,
  onReversed,
  closedReason = null,
}: {
  agreement: AgreementDetail
  /** Why no receipt can be entered: the agreement is closed (its last payment aside, the core says). */
  closedReason?: string | null
  onSaved: (next: AgreementDetail, message: string) => void
  /** A receipt reversed: the agreement as it now stands (the dialog says what was done). */
  onReversed: (next: AgreementDetail) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const reversal = useReversal()
  const archived = agreement.archivedAt !== null
  const columns = useMemo(
    () => receiptColumns(t, language, agreement.currency),
    [t, language, agreement.currency],
  )

  /** Asks for the reason and shows what the agreement's position loses before reversing. */
  function cancelReceipt(receipt: Receipt, shown: AgreementDetail) {
    const amount = formatMoney(money(receipt.amount, receipt.currency), language)
    const date = formatDate(receipt.receivedOn, language)
    const less = (
      key: 'received' | 'available',
      currency: ReversalFigure['currency'],
      before: number,
      by: number,
    ): ReversalFigure => ({
      label: `${t(`agreements.figure.${key}`)} (${currency})`,
      currency,
      before,
      after: before - by,
      staysPositive: key === 'available',
    })
    reversal.ask({
      action: t('agreements.receipt.cancel'),
      // A receipt in euros is not given its euro value a second time.
      record:
        shown.currency === 'EUR'
          ? t('reversal.receipt.record', { date, amount })
          : t('reversal.receipt.recordForeign', {
              date,
              amount,
              eur: formatMoney(money(receipt.eurAmount, 'EUR'), language),
            }),
      figures: [
        less('received', shown.currency, shown.figures.received, receipt.amount),
        less('available', shown.currency, shown.figures.available, receipt.amount),
        ...(shown.currency === 'EUR'
          ? []
          : [
              less('received', 'EUR', shown.figuresEur.received, receipt.eurAmount),
              less('available', 'EUR', shown.figuresEur.available, receipt.eurAmount),
            ]),
      ],
      reverse: async (reason) => {
        onReversed(await call('receipts.cancel', { id: receipt.id, reason }))
      },
      done: (reason) => ({ text: t('reversal.receipt.done', { date, amount, reason }) }),
    })
  }

  return (
    <>
      {reversal.dialog}
      <section aria-labelledby="agreement-receipts">
        <Title order={2} size="h4" id="agreement-receipts" mb="xs">
          {t('agreements.receipts')}
        </Title>
        {agreement.receipts.length === 0 ? (
          <Text c="dimmed">{t('agreements.noReceipts')}</Text>
        ) : (
          <TabRegister
            listId="agreementReceipts"
            label={t('agreements.receipts')}
            rows={agreement.receipts}
            columns={columns}
            getRowId={(r) => r.id}
            searchPlaceholder={t('recordLists.search.receipts')}
            initialSort={{ id: 'receivedOn', desc: false }}
            parameters={[{ label: t('agreements.field.reference'), value: agreement.reference }]}
            rowActions={(r) => (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                disabled={archived}
                onClick={() => cancelReceipt(r, agreement)}
              >
                {t('agreements.receipt.cancel')}
              </Button>
            )}
            actionsWidth={190}
          />
        )}
        <Group mt="sm">
          <EntryButton
            label={t('agreements.addReceipt')}
            unavailable={archived ? t('recordPage.archivedAgreement') : closedReason}
          >
            {(close) => (
              <ReceiptForm
                agreement={agreement}
                onSaved={(a) => {
                  close()
                  onSaved(a, t('agreements.receipt.added'))
                }}
              />
            )}
          </EntryButton>
        </Group>
      </section>
    </>
  )
}
