import { Button, Group, SimpleGrid, TextInput, Title } from '@mantine/core'
import { EntryButton } from '../../components/page/EntryButton'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberAccount } from '@shared/dues/schema'
import type { Member } from '@shared/members/schema'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { useReversal } from '../../components/ReversalDialog'
import { Term } from '../../components/Term'
import { useLanguage } from '../../lib/use-language'
import { CallsTable } from '../dues/CallsTable'
import { paymentReversal } from '../dues/dues-reversals'
import { LetterButtons } from '../dues/LetterButtons'
import { PaymentForm } from '../dues/PaymentForm'
import { PaymentsTable } from '../dues/PaymentsTable'

/**
 * A member's dues account: what it owes by age, its calls and payments (each payment's receipt
 * letter and cancellation), its letters for a period, and a new payment.
 */
export function MemberAccountSection({
  member,
  account,
  onDone,
  onError,
  onReversed,
}: {
  member: Member
  account: MemberAccount
  /** A change made (a payment, a letter): what to say; the page reads the account again. */
  onDone: (message: string) => void
  onError: (failure: unknown) => void
  /** A payment cancelled: the account as it now stands. */
  onReversed: (account: MemberAccount) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const reversal = useReversal()
  const [period, setPeriod] = useState({ from: '', to: '' })
  const euros = (minor: number) => formatMoney(money(minor, 'EUR'), language)
  const term = (label: string, value: ReactNode) => (
    <Term key={label} label={label}>
      {value}
    </Term>
  )
  const oldestOpen = account.calls.find((c) => c.outstanding > 0)
  return (
    <section aria-labelledby="member-account">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Title order={2} size="h4" id="member-account">
          {t('dues.account.title')}
        </Title>
        <Group align="flex-end" gap="xs">
          <TextInput
            type="date"
            size="xs"
            label={t('letters.from')}
            value={period.from}
            onChange={(event) => setPeriod({ ...period, from: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            size="xs"
            label={t('letters.to')}
            value={period.to}
            onChange={(event) => setPeriod({ ...period, to: event.currentTarget.value })}
          />
          <LetterButtons
            memberIds={[member.id]}
            period={period}
            onDone={onDone}
            onError={onError}
          />
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="sm">
        {term(t('dues.account.arrears'), euros(account.arrearsEur))}
        {term(t('dues.account.outstanding'), euros(account.outstandingEur))}
        {term(t('dues.account.credit'), euros(account.creditEur))}
        {term(
          t('dues.summary.arrears'),
          (['current', 'oneYear', 'twoYears', 'threeYearsOrMore'] as const)
            .map((age) =>
              t('dues.summary.ageAmount', {
                age: t(`dues.summary.${age}`),
                amount: euros(account.arrears[age]),
              }),
            )
            .join(' · '),
        )}
      </SimpleGrid>
      <Title order={3} size="h5" mb="xs">
        {t('dues.account.calls')}
      </Title>
      {reversal.dialog}
      <CallsTable calls={account.calls} label={t('dues.account.calls')} />
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('dues.account.payments')}
      </Title>
      <PaymentsTable
        payments={account.payments}
        label={t('dues.account.payments')}
        actions={(payment) => (
          <Group gap={4} wrap="nowrap">
            <LetterButtons paymentId={payment.id} onDone={onDone} onError={onError} compact />
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() =>
                reversal.ask(paymentReversal(payment, account, t, language, onReversed))
              }
            >
              {t('dues.payments.cancel')}
            </Button>
          </Group>
        )}
      />
      <Group mt="sm">
        <EntryButton
          label={t('dues.payments.title')}
          unavailable={member.archivedAt === null ? null : t('recordPage.archived')}
        >
          {(close) => (
            <PaymentForm
              member={member}
              defaultCurrency={oldestOpen?.currency}
              onSaved={(payment) => {
                close()
                onDone(
                  t('dues.payments.added', {
                    settled: formatMoney(money(payment.settled, payment.currency), language),
                    credit: formatMoney(money(payment.credit, payment.currency), language),
                  }),
                )
              }}
            />
          )}
        </EntryButton>
      </Group>
    </section>
  )
}
