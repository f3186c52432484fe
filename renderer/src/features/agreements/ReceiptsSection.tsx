import { Button, Group, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { EntryButton } from '../../components/page/EntryButton'
import type { AgreementDetail, Receipt } from '@shared/funds/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { formatMoney, formatRate } from '@shared/money/format'
import { money } from '@shared/money/money'
import { Amount } from '../../components/Amount'
import { type ReversalFigure, useReversal } from '../../components/ReversalDialog'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
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
    })
    reversal.ask({
      action: t('agreements.receipt.cancel'),
      record: t('reversal.receipt.record', {
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
          <Table withTableBorder striped aria-label={t('agreements.receipts')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agreements.receipt.receivedOn')}</Table.Th>
                <Table.Th ta="right">
                  {t('agreements.receipt.amount', { currency: agreement.currency })}
                </Table.Th>
                <Table.Th ta="right">{t('agreements.receipt.rateUsed')}</Table.Th>
                <Table.Th ta="right">{t('agreements.receipt.eur')}</Table.Th>
                <Table.Th>{t('agreements.receipt.bankReference')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agreement.receipts.map((r) => (
                <Table.Tr key={r.id} data-record-id={r.id}>
                  <Table.Td>{formatDate(r.receivedOn, language)}</Table.Td>
                  <Table.Td ta="right">
                    <Amount minor={r.amount} currency={r.currency} />
                  </Table.Td>
                  <Table.Td ta="right" title={r.rateSource}>
                    {formatRate(r.rate, language)}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount minor={r.eurAmount} currency="EUR" />
                  </Table.Td>
                  <Table.Td>{r.bankReference}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      disabled={archived}
                      onClick={() => cancelReceipt(r, agreement)}
                    >
                      {t('agreements.receipt.cancel')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
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
