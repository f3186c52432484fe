import type { ReactNode } from 'react'
import type { Money } from '@shared/money/money'
import type { ListColumnKind } from '@shared/reports/list-export'

/**
 * A column of a register's list: how its value is read (to sort, search, group and export it)
 * and, if it is more than its text, how it is drawn. Amount columns give the core's amount,
 * which the list only adds up.
 */
export interface ListColumn<Row> {
  id: string
  header: string
  kind: ListColumnKind
  /** The value of a text, date (ISO) or number column; an amount column's is its amount. */
  value?: (row: Row) => string | number | null
  amount?: (row: Row) => Money | null
  /** How the cell is drawn, when not as its value. */
  cell?: (row: Row) => ReactNode
  /** Its room in pixels (by kind when not given). */
  width?: number
  /** Lower first when room is short; the column's position otherwise. */
  priority?: number
  /** Shown only once chosen in the column chooser. */
  optional?: boolean
  /** False for a running figure (a cumulative sum, a balance): drawn, never added up. */
  totalled?: false
  /** Offered as a grouping (text columns are, unless false). */
  groupable?: boolean
}

const WIDTH_BY_KIND: Record<ListColumnKind, number> = {
  text: 170,
  money: 150,
  date: 110,
  number: 100,
}

export function columnWidth(column: ListColumn<never>): number {
  return column.width ?? WIDTH_BY_KIND[column.kind]
}

export function isGroupable(column: ListColumn<never>): boolean {
  return column.groupable ?? column.kind === 'text'
}

/** A column's value as text (search, grouping); amounts are not searched. */
export function textOf<Row>(column: ListColumn<Row>, row: Row): string {
  const value = column.value?.(row)
  return value === null || value === undefined ? '' : String(value)
}
