import { useTranslation } from 'react-i18next'
import { totalCurrencies } from '@shared/lists/list-figures'
import type { Money } from '@shared/money/money'
import { Amount } from '../Amount'
import type { ListColumn } from './list-columns'

/**
 * The totals of a list or a group: one row per currency met (euros are never added to
 * dollars), each amount column's total in its cell; a row with no amounts at all still counts
 * the rows.
 */
export function TotalsRows<Row>({
  rowKey,
  columns,
  totals,
  label,
  className,
  extra,
  trailing = false,
}: {
  rowKey: string
  columns: ListColumn<Row>[]
  totals: Map<string, Money[]>
  label: string
  className: string
  extra?: Record<string, unknown>
  /** An empty cell under the rows' actions column. */
  trailing?: boolean
}) {
  const { t } = useTranslation()
  const currencies = totalCurrencies(totals)
  const lines = currencies.length > 0 ? currencies : [null]
  return (
    <>
      {lines.map((currency, index) => (
        <tr
          key={`${rowKey}:${currency ?? ''}`}
          className={className}
          {...(index === 0 ? extra : {})}
        >
          {columns.map((column, position) => {
            if (position === 0)
              return (
                <th key={column.id} scope="row" title={label}>
                  {currencies.length > 1 && currency
                    ? t('list.inCurrency', { label, currency })
                    : label}
                </th>
              )
            const amount = totals.get(column.id)?.find((m) => m.currency === currency)
            return (
              <td key={column.id} className={column.kind === 'text' ? undefined : 'numeric'}>
                {amount ? <Amount minor={amount.minor} currency={amount.currency} /> : ''}
              </td>
            )
          })}
          {trailing && <td className="register-actions" />}
        </tr>
      ))}
    </>
  )
}
