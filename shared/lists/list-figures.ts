import type { CurrencyCode } from '../money/currencies'
import { type Money, money } from '../money/money'

/**
 * The arithmetic of a register's list, the same on screen, in its export and in its tests: the
 * totals of an amount column (one per currency: euros are never added to dollars), its groups
 * with their subtotals, and which columns fit the width the window gives.
 */

/**
 * The total of some amounts, one per currency met, euros first then by code. The amounts are
 * the core's (derived from the ledger): the list only adds them up, exactly, in minor units.
 */
export function totalsByCurrency(amounts: Iterable<Money | null | undefined>): Money[] {
  const totals = new Map<CurrencyCode, number>()
  for (const amount of amounts) {
    if (!amount) continue
    totals.set(amount.currency, (totals.get(amount.currency) ?? 0) + amount.minor)
  }
  return [...totals.entries()]
    .sort(([a], [b]) => (a === 'EUR' ? -1 : b === 'EUR' ? 1 : a.localeCompare(b)))
    .map(([currency, minor]) => money(minor, currency))
}

/** Rows that share the value of the grouping column, in the order of their first row. */
export interface RowGroup<Row> {
  /** The value the rows share, as shown (an empty value is its own group: ''). */
  key: string
  rows: Row[]
}

/**
 * Groups rows by a column's value, keeping the rows' order inside each group; the groups come
 * in the order `compare` gives their keys (the column's reading order), empty last.
 */
export function groupRows<Row>(
  rows: readonly Row[],
  keyOf: (row: Row) => string,
  compare: (a: string, b: string) => number,
): RowGroup<Row>[] {
  const groups = new Map<string, Row[]>()
  for (const row of rows) {
    const key = keyOf(row)
    const group = groups.get(key)
    if (group) group.push(row)
    else groups.set(key, [row])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : compare(a, b)))
    .map(([key, grouped]) => ({ key, rows: grouped }))
}

/** What the width computation knows of a column. */
export interface FitColumn {
  id: string
  /** The room it takes, in pixels. */
  width: number
  /** Amounts are never pushed out of the window (when wanted). */
  money: boolean
  /** Lower comes first when room is short (its place in the list of columns otherwise). */
  priority: number
}

export interface ColumnFit {
  /** The columns shown, in the list's own order. */
  shown: string[]
  /** The columns wanted that found no room (offered in the column chooser). */
  crowded: string[]
}

/**
 * Which columns a list shows in `available` pixels: the first column (what names the row) and
 * every amount column wanted, whatever the width, then the other columns wanted, by priority,
 * while they fit. A column the user left out (`wanted` false) is never shown.
 */
export function fitColumns(
  columns: readonly FitColumn[],
  available: number,
  wanted: (id: string) => boolean,
): ColumnFit {
  const [first, ...rest] = columns
  if (!first) return { shown: [], crowded: [] }
  const kept = new Set<string>([first.id])
  let used = first.width
  for (const column of rest) {
    if (!column.money || !wanted(column.id)) continue
    kept.add(column.id)
    used += column.width
  }
  const crowded: string[] = []
  const others = rest
    .filter((column) => !column.money && wanted(column.id))
    .sort((a, b) => a.priority - b.priority)
  for (const column of others) {
    if (used + column.width <= available) {
      kept.add(column.id)
      used += column.width
    } else {
      crowded.push(column.id)
    }
  }
  return { shown: columns.filter((c) => kept.has(c.id)).map((c) => c.id), crowded }
}

/** What ticking a column the width crowded out would do. */
export interface RoomFor {
  /** It finds room once asked for (false: the first column and the amounts leave none). */
  fits: boolean
  /** The columns shown now that would give it their room, lowest priority first out. */
  displaced: string[]
}

/**
 * The column chooser's answer for a crowded column: asked for, it comes before every column
 * shown by default (as useColumnChoice ranks a column the user ticked), so it pushes out
 * the columns of lowest priority; if even alone beside the amounts it cannot fit, it says so
 * rather than being ticked for nothing.
 */
export function roomFor(
  columns: readonly FitColumn[],
  available: number,
  wanted: (id: string) => boolean,
  id: string,
): RoomFor {
  const now = fitColumns(columns, available, wanted)
  const first = Math.min(...columns.map((c) => c.priority))
  const asked = fitColumns(
    columns.map((c) => (c.id === id ? { ...c, priority: first - 1 } : c)),
    available,
    (other) => other === id || wanted(other),
  )
  return {
    fits: asked.shown.includes(id),
    displaced: asked.shown.includes(id) ? now.shown.filter((c) => !asked.shown.includes(c)) : [],
  }
}

/** A line of a list as drawn: a row, a group's heading, or the subtotal of a group. */
export type ListLine<Row> =
  | { kind: 'row'; row: Row }
  | { kind: 'group'; key: string; count: number }
  | { kind: 'subtotal'; key: string; totals: Map<string, Money[]> }

/** The totals of each amount column over some rows, one per currency (see totalsByCurrency). */
export function columnTotals<Row>(
  rows: readonly Row[],
  amounts: ReadonlyMap<string, (row: Row) => Money | null>,
): Map<string, Money[]> {
  const totals = new Map<string, Money[]>()
  for (const [id, amountOf] of amounts) totals.set(id, totalsByCurrency(rows.map(amountOf)))
  return totals
}

/**
 * The lines of a list: its rows as they are, or, grouped, each group's heading, its rows and
 * its subtotal.
 */
export function listLines<Row>(
  rows: readonly Row[],
  grouping: { keyOf: (row: Row) => string; compare: (a: string, b: string) => number } | null,
  amounts: ReadonlyMap<string, (row: Row) => Money | null>,
): ListLine<Row>[] {
  if (!grouping) return rows.map((row) => ({ kind: 'row', row }))
  return groupRows(rows, grouping.keyOf, grouping.compare).flatMap((group) => [
    { kind: 'group' as const, key: group.key, count: group.rows.length },
    ...group.rows.map((row) => ({ kind: 'row' as const, row })),
    { kind: 'subtotal' as const, key: group.key, totals: columnTotals(group.rows, amounts) },
  ])
}

/** The currencies met in some columns' totals, euros first: one totals line each. */
export function totalCurrencies(totals: ReadonlyMap<string, readonly Money[]>): CurrencyCode[] {
  const all = [...totals.values()].flat().map((amount) => ({ minor: 0, currency: amount.currency }))
  return totalsByCurrency(all).map((amount) => amount.currency)
}
