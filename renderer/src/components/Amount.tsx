import { formatMoney } from '@shared/money/format'
import type { CurrencyCode } from '@shared/money/currencies'
import { money } from '@shared/money/money'
import { useLanguage } from '../lib/use-language'

/** An amount written the user's way, in tabular figures. */
export function Amount({ minor, currency }: { minor: number; currency: CurrencyCode }) {
  const language = useLanguage()
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatMoney(money(minor, currency), language)}
    </span>
  )
}
