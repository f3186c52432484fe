import type { CurrencyCode } from '@shared/money/currencies'
import { type Money, money } from '@shared/money/money'
import type { ListColumn } from './list-columns'

/**
 * The column shapes the record lists repeat: a date, a text, an amount in its own currency and
 * the same amount in euros. Each says only what differs (its id, header and value); `more` adds
 * a width, a priority, a drawn cell…
 */
type More<Row> = Partial<Omit<ListColumn<Row>, 'id' | 'header' | 'kind' | 'value' | 'amount'>>

export function dateColumn<Row>(
  id: string,
  header: string,
  value: (row: Row) => string | null,
  more: More<Row> = {},
): ListColumn<Row> {
  return { id, kind: 'date', value, header, ...more }
}

export function textColumn<Row>(
  id: string,
  header: string,
  value: (row: Row) => string | null,
  more: More<Row> = {},
): ListColumn<Row> {
  return { id, kind: 'text', value, header, ...more }
}

/** An amount the core recorded; null (an empty cell, not counted) where the row has none. */
export function moneyColumn<Row>(
  id: string,
  header: string,
  amount: (row: Row) => Money | null,
  more: More<Row> = {},
): ListColumn<Row> {
  return { id, kind: 'money', amount, header, ...more }
}

/** Minor units in a currency, or none: as an amount column reads them. */
export const moneyOrNone = (minor: number | null, currency: CurrencyCode): Money | null =>
  minor === null ? null : money(minor, currency)

/** The euro amount the core converted at the row's rate. */
export function euroColumn<Row>(
  id: string,
  header: string,
  minor: (row: Row) => number | null,
  more: More<Row> = {},
): ListColumn<Row> {
  return moneyColumn(id, header, (row) => moneyOrNone(minor(row), 'EUR'), more)
}
