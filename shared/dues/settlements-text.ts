import type { Language } from '../i18n/locale'
import { translate } from '../i18n/translate'
import { formatMoney } from '../money/format'
import { money } from '../money/money'
import type { DuesPayment } from './schema'

/**
 * What a payment settled, call by call with the amount allocated to each in the call's currency
 * (« AC-2026-0002 : 500,00 € »): the allocation as the member's page, the payments' list and the
 * statement letters show it.
 */
export function settlementsText(
  settlements: DuesPayment['settlements'],
  language: Language,
): string {
  return settlements
    .map((s) =>
      translate(language, 'dues.payments.settlement', {
        number: s.callNumber,
        amount: formatMoney(money(s.amount, s.currency), language),
      }),
    )
    .join(', ')
}
