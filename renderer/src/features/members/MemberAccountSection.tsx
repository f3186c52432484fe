import { Button, Group, Title } from '@mantine/core'
import { DateField } from '../../components/DateField'
import { EntryButton } from '../../components/page/EntryButton'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberAccount } from '@shared/dues/schema'
import type { Member } from '@shared/members/schema'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { useReversal } from '../../components/ReversalDialog'
import { Term } from '../../components/Term'
import { useLanguage } from '../../lib/use-language'
import { paymentReversal } from '../dues/dues-reversals'
import { LetterButtons } from '../dues/LetterButtons'
import { PaymentForm } from '../dues/PaymentForm'
import { MemberDuesLists } from './MemberDuesLists'

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
  const oldestOpen = account.calls.find((c) => c.outstanding > 0)
  return (
    <section aria-labelledby="member-account">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Title order={2} size="h4" id="member-account">
          {t('dues.account.title')}
        </Title>
        <Group align="flex-end" gap="xs">
          <DateField
            size="xs"
            label={t('letters.from')}
            value={period.from}
            onChange={(day) => setPeriod({ ...period, from: day })}
          />
          <DateField
            size="xs"
            label={t('letters.to')}
            value={period.to}
            onChange={(day) => setPeriod({ ...period, to: day })}
          />
          <LetterButtons
            memberIds={[member.id]}
            period={period}
            onDone={onDone}
            onError={onError}
          />
        </Group>
      </Group>
      {/* The arrears, what is owed and the credit are the page's key figures: here, their ages. */}
      <Term label={t('dues.summary.arrears')}>
        {(['current', 'oneYear', 'twoYears', 'threeYearsOrMore'] as const)
          .map((age) =>
            t('dues.summary.ageAmount', {
              age: t(`dues.summary.${age}`),
              amount: euros(account.arrears[age]),
            }),
          )
          .join(' · ')}
      </Term>
      {reversal.dialog}
      <MemberDuesLists
        memberName={member.name}
        calls={account.calls}
        payments={account.payments}
        paymentActions={(payment) => (
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
