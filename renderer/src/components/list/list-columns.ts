import type { ReactNode } from 'react'
import type { Money } from '@shared/money/money'
import type { ListColumnKind } from '@shared/reports/list-export'
import type { Language } from '@shared/i18n/locale'

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
  /**
   * What a drawn cell shows where `amount` counts nothing (a cancelled amount, struck through):
   * the column is wide enough for it too, and never adds it up.
   */
  drawnAmount?: (row: Row) => Money | null
  /**
   * Its room in pixels at least (by kind when not given). An amount, a date or a number column
   * is as wide as its widest text besides (see column-widths.ts): it is never cut.
   */
  width?: number
  /**
   * The widest texts a cell of a text column may show, shown whole like an amount (a moment,
   * « 28 févr. 2026, 23:59 »): the column is as wide as the widest of them.
   */
  widest?: (language: Language) => readonly string[]
  /** Its text goes on as many lines as it needs rather than being cut (a record's name). */
  wrap?: boolean
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

/**
 * A column's room in pixels: its own (or its kind's), or more where its widest text measured
 * (`measured`, by column id: see useColumnWidths) needs more.
 */
export function columnWidth(
  column: ListColumn<never>,
  measured?: ReadonlyMap<string, number>,
): number {
  return Math.max(column.width ?? WIDTH_BY_KIND[column.kind], measured?.get(column.id) ?? 0)
}

export function isGroupable(column: ListColumn<never>): boolean {
  return column.groupable ?? column.kind === 'text'
}

/** A column's value as text (search, grouping); amounts are not searched. */
export function textOf<Row>(column: ListColumn<Row>, row: Row): string {
  const value = column.value?.(row)
  return value === null || value === undefined ? '' : String(value)
}
