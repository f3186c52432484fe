import type { TFunction } from 'i18next'
import type { DuesPayment } from '@shared/dues/schema'
import { settlementsText } from '@shared/dues/settlements-text'
import type { Language } from '@shared/i18n/locale'
import { money } from '@shared/money/money'
import type { ListColumn } from '../../components/list/list-columns'

/** The columns of the payments register: the amounts as the core recorded them. */
export function paymentColumns(t: TFunction, language: Language): ListColumn<DuesPayment>[] {
  return [
    {
      id: 'receivedOn',
      kind: 'date',
      value: (p) => p.receivedOn,
      header: t('dues.payments.receivedOn'),
    },
    {
      id: 'member',
      kind: 'text',
      value: (p) => p.memberName,
      header: t('dues.payments.member'),
      width: 220,
    },
    {
      id: 'kind',
      kind: 'text',
      value: (p) => t(`dues.payments.kind_${p.kind}`),
      header: t('dues.payments.kind'),
      width: 130,
      priority: 6,
    },
    {
      id: 'amount',
      kind: 'money',
      amount: (p) => money(p.amount, p.currency),
      header: t('dues.payments.amount'),
    },
    {
      id: 'eur',
      kind: 'money',
      amount: (p) => money(p.eurAmount, 'EUR'),
      header: `${t('dues.payments.amount')} (EUR)`,
    },
    {
      id: 'settles',
      kind: 'text',
      value: (p) => settlementsText(p.settlements, language),
      header: t('dues.payments.settles'),
      groupable: false,
      width: 140,
      // What the payment settled matters more than its kind or method when room is short.
      priority: 5,
    },
    {
      id: 'credit',
      kind: 'money',
      amount: (p) => (p.credit > 0 ? money(p.credit, p.currency) : null),
      header: t('dues.payments.credit'),
      width: 130,
    },
    {
      id: 'method',
      kind: 'text',
      value: (p) => t(`dues.payments.method_${p.method}`),
      header: t('dues.payments.method'),
      width: 130,
      priority: 7,
    },
    {
      id: 'bankReference',
      kind: 'text',
      value: (p) => p.bankReference,
      header: t('dues.payments.bankReference'),
      optional: true,
      groupable: false,
    },
    {
      id: 'payer',
      kind: 'text',
      value: (p) => p.payer,
      header: t('dues.payments.payer'),
      optional: true,
    },
  ]
}
