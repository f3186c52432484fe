import type { CurrencyCode } from '../money/currencies'
import { MAX_MINOR, type Money, money } from '../money/money'

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

/**
 * The amounts of a column written widest, one or two per currency: whatever a cell, a group's
 * subtotal or the total shows lies between them, and an amount is written no narrower than a
 * smaller one of its sign (more digits, never fewer; figures of one width). A list sizes the
 * column from these, read once per rows rather than per row drawn (50,000 rows, four columns).
 *
 * Every sum of some of a column's amounts lies between the sum of its negative amounts and that
 * of its positive ones; a column not added up (a running balance, `totalled` false) shows only
 * its rows. `drawn` gives what a cell shows but no total counts (a cancelled amount, struck).
 */
export function widestAmounts<Row>(
  rows: readonly Row[],
  amountOf: (row: Row) => Money | null,
  { totalled = true, drawn }: { totalled?: boolean; drawn?: (row: Row) => Money | null } = {},
): Money[] {
  const bounds = new Map<CurrencyCode, { high: number; low: number }>()
  const widen = (amount: Money | null, added: boolean) => {
    if (!amount) return
    let bound = bounds.get(amount.currency)
    if (!bound) bounds.set(amount.currency, (bound = { high: 0, low: 0 }))
    const { minor } = amount
    if (added) {
      if (minor > 0) bound.high += minor
      else bound.low += minor
    } else {
      bound.high = Math.max(bound.high, minor)
      bound.low = Math.min(bound.low, minor)
    }
  }
  for (const row of rows) {
    widen(amountOf(row), totalled)
    if (drawn) widen(drawn(row), false)
  }
  // Beyond 2^53 (never met: a list's money is the core's) the widest is the largest stored.
  const safe = (minor: number) => Math.max(-MAX_MINOR, Math.min(MAX_MINOR, minor))
  return [...bounds.entries()].flatMap(([currency, { high, low }]) => [
    money(safe(high), currency),
    ...(low < 0 ? [money(safe(low), currency)] : []),
  ])
}

/**
 * A number at least as wide, written, as any of `values` (a count, a rate): the most integer
 * digits met, with a minus sign if any is negative, and the most decimals met (up to three, as
 * numbers are written).
 */
export function widestNumber(values: Iterable<number | null | undefined>): number | null {
  let integer = 0
  let decimals = 0
  let negative = false
  let any = false
  for (const value of values) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue
    any = true
    integer = Math.max(integer, Math.trunc(Math.abs(value)))
    decimals = Math.max(decimals, Math.min(3, decimalsOf(value)))
    negative ||= value < 0
  }
  if (!any) return null
  // 9 in each decimal place: as wide as any decimals, not rounded up into another digit.
  const widest = Number(`${integer}${decimals > 0 ? `.${'9'.repeat(decimals)}` : ''}`)
  return negative ? -widest : widest
}

function decimalsOf(value: number): number {
  const [, fraction = ''] = String(value).split('e')[0]?.split('.') ?? []
  return String(value).includes('e-') ? 3 : fraction.length
}
