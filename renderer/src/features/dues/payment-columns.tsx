import type { TFunction } from 'i18next'
import type { DuesPayment } from '@shared/dues/schema'
import { settlementsText } from '@shared/dues/settlements-text'
import type { Language } from '@shared/i18n/locale'
import { money } from '@shared/money/money'
import {
  dateColumn,
  euroColumn,
  moneyColumn,
  textColumn,
} from '../../components/list/column-factory'
import type { ListColumn } from '../../components/list/list-columns'

/** The columns of the payments register: the amounts as the core recorded them. */
export function paymentColumns(t: TFunction, language: Language): ListColumn<DuesPayment>[] {
  return [
    dateColumn('receivedOn', t('dues.payments.receivedOn'), (p) => p.receivedOn),
    textColumn('member', t('dues.payments.member'), (p) => p.memberName, { width: 220 }),
    textColumn('kind', t('dues.payments.kind'), (p) => t(`dues.payments.kind_${p.kind}`), {
      width: 130,
      priority: 6,
    }),
    moneyColumn('amount', t('dues.payments.amount'), (p) => money(p.amount, p.currency)),
    euroColumn('eur', `${t('dues.payments.amount')} (EUR)`, (p) => p.eurAmount),
    // What the payment settled matters more than its kind or method when room is short.
    textColumn(
      'settles',
      t('dues.payments.settles'),
      (p) => settlementsText(p.settlements, language),
      { groupable: false, width: 140, priority: 5 },
    ),
    moneyColumn(
      'credit',
      t('dues.payments.credit'),
      (p) => (p.credit > 0 ? money(p.credit, p.currency) : null),
      { width: 130 },
    ),
    textColumn('method', t('dues.payments.method'), (p) => t(`dues.payments.method_${p.method}`), {
      width: 130,
      priority: 7,
    }),
    textColumn('bankReference', t('dues.payments.bankReference'), (p) => p.bankReference, {
      optional: true,
      groupable: false,
    }),
    textColumn('payer', t('dues.payments.payer'), (p) => p.payer, { optional: true }),
  ]
}
