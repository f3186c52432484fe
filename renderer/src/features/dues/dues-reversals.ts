import type { TFunction } from 'i18next'
import type { DuesCall, DuesPayment, MemberAccount } from '@shared/dues/schema'
import { formatDate } from '@shared/i18n/format-dates'
import type { Language } from '@shared/i18n/locale'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import type { ReversalFigure, ReversalRequest } from '../../components/ReversalDialog'
import { call } from '../../lib/api'

/**
 * The cancellation of a dues payment as the dialog shows it: what the payment settled goes back
 * to what each call still owes (in the call's currency, exactly as settled), and its credit
 * leaves the member's account.
 */
export function paymentReversal(
  payment: DuesPayment,
  account: MemberAccount,
  t: TFunction,
  language: Language,
  onDone: (next: MemberAccount) => void,
): ReversalRequest {
  const amount = formatMoney(money(payment.amount, payment.currency), language)
  const date = formatDate(payment.receivedOn, language)
  const reopened = payment.settlements.map((settlement): ReversalFigure => {
    const owed = account.calls.find((c) => c.id === settlement.callId)?.outstanding ?? 0
    return {
      label: t('reversal.payment.callOwed', { number: settlement.callNumber }),
      currency: settlement.currency,
      before: owed,
      after: owed + settlement.amount,
    }
  })
  const figures: ReversalFigure[] = [
    ...reopened,
    ...(payment.credit > 0
      ? [
          {
            label: t('reversal.payment.credit'),
            currency: payment.currency,
            before: payment.credit,
            after: 0,
          },
        ]
      : []),
  ]
  return {
    action: t('dues.payments.cancel'),
    record: t('reversal.payment.record', { date, amount, payer: payment.memberName }),
    figures,
    reverse: async (reason) => onDone(await call('dues.cancelPayment', { id: payment.id, reason })),
    done: (reason) => ({ text: t('reversal.payment.done', { date, amount, reason }) }),
  }
}

/**
 * The cancellation of a call: what it still asks of the member is no longer owed. Done from the
 * list of calls, its notice opens the member's page, where the call and its reason are kept.
 */
export function callReversal(
  dues: DuesCall,
  t: TFunction,
  onDone: () => void,
  openMember: () => void,
): ReversalRequest {
  return {
    action: t('dues.calls.cancel'),
    record: t('reversal.call.record', { number: dues.number, member: dues.memberName }),
    figures: [
      {
        label: t('dues.calls.outstanding'),
        currency: dues.currency,
        before: dues.outstanding,
        after: 0,
      },
    ],
    reverse: async (reason) => {
      await call('dues.cancelCall', { id: dues.id, reason })
      onDone()
    },
    done: (reason) => ({
      text: t('reversal.call.done', { number: dues.number, reason }),
      open: { label: t('reversal.call.open', { member: dues.memberName }), go: openMember },
    }),
  }
}
