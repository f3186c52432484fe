import { Group, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { EntryButton } from '../../components/page/EntryButton'
import type { AgreementDetail } from '@shared/funds/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { Amount } from '../../components/Amount'
import { useLanguage } from '../../lib/use-language'
import { AmendmentForm } from './AmendmentForm'

/** An agreement's amendments (amount and end date changes) and the form for a new one. */
export function AmendmentsSection({
  agreement,
  onSaved,
}: {
  agreement: AgreementDetail
  onSaved: (next: AgreementDetail, message: string) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const archived = agreement.archivedAt !== null
  return (
    <section aria-labelledby="agreement-amendments">
      <Title order={2} size="h4" id="agreement-amendments" mb="xs">
        {t('agreements.amendments')}
      </Title>
      {agreement.amendments.length === 0 ? (
        <Text c="dimmed">{t('agreements.noAmendments')}</Text>
      ) : (
        <Table withTableBorder aria-label={t('agreements.amendments')}>
          <Table.Tbody>
            {agreement.amendments.map((a) => (
              <Table.Tr key={a.id} data-record-id={a.id}>
                <Table.Td>{formatDate(a.signedOn, language)}</Table.Td>
                <Table.Td ta="right">
                  <Amount minor={a.amountChange} currency={agreement.currency} />
                </Table.Td>
                <Table.Td>
                  {a.newEndsOn
                    ? `${t('agreements.amendment.newEndsOn')} : ${formatDate(a.newEndsOn, language)}`
                    : ''}
                </Table.Td>
                <Table.Td>{a.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group mt="sm">
        <EntryButton
          label={t('agreements.addAmendment')}
          unavailable={archived ? t('recordPage.archivedAgreement') : null}
        >
          {(close) => (
            <AmendmentForm
              agreement={agreement}
              onSaved={(a) => {
                close()
                onSaved(a, t('agreements.amendment.added'))
              }}
            />
          )}
        </EntryButton>
      </Group>
    </section>
  )
}
