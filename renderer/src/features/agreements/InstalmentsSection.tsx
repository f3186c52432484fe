import { Button, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AgreementDetail } from '@shared/funds/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { Amount } from '../../components/Amount'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { InstalmentEntry } from './InstalmentEntry'

/** The instalments the funder plans to pay, each against what had been received by its date. */
export function InstalmentsSection({
  agreement,
  onSaved,
}: {
  agreement: AgreementDetail
  onSaved: (next: AgreementDetail, message: string) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const currency = agreement.currency
  const editable = agreement.archivedAt === null

  async function remove(id: string) {
    onSaved(await call('agreements.removeInstalment', { id }), t('common.saved'))
  }

  return (
    <section aria-labelledby="agreement-instalments">
      <Title order={2} size="h4" id="agreement-instalments" mb="xs">
        {t('instalments.title')}
      </Title>
      {agreement.instalments.length === 0 ? (
        <Text c="dimmed">{t('instalments.none')}</Text>
      ) : (
        <Table withTableBorder aria-label={t('instalments.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('instalments.expectedOn')}</Table.Th>
              <Table.Th ta="right">{t('instalments.amount', { currency })}</Table.Th>
              <Table.Th ta="right">{t('instalments.cumulativeExpected')}</Table.Th>
              <Table.Th ta="right">{t('instalments.cumulativeReceived')}</Table.Th>
              <Table.Th ta="right">{t('instalments.gap')}</Table.Th>
              <Table.Th>{t('instalments.state')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agreement.instalments.map((i) => (
              <Table.Tr key={i.id} data-record-id={i.id}>
                <Table.Td>{formatDate(i.expectedOn, language)}</Table.Td>
                <Table.Td ta="right">
                  <Amount minor={i.amount} currency={currency} />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount minor={i.cumulativeExpected} currency={currency} />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount minor={i.cumulativeReceived} currency={currency} />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount minor={i.cumulativeReceived - i.cumulativeExpected} currency={currency} />
                </Table.Td>
                {/* Coloured by what is late today, not by what came after its date. */}
                <Table.Td
                  c={i.state === 'late' ? 'red.8' : i.state === 'received' ? 'green.8' : undefined}
                  data-state={i.state}
                >
                  {t(`instalments.state_${i.state}`, {
                    amount: formatMoney(money(i.missing, currency), language),
                  })}
                </Table.Td>
                <Table.Td>
                  {editable && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => void remove(i.id)}
                    >
                      {t('instalments.remove')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && <InstalmentEntry agreement={agreement} onSaved={onSaved} />}
    </section>
  )
}
