import type { CurrencyCode } from '@shared/money/currencies'
import type { Cell, Formula, ReportRow, RowStyle } from '@shared/reports/model'

/** Short constructors for the cells and rows of the report builders. */
export const text = (value: string | null | undefined): Cell =>
  value ? { kind: 'text', text: value } : null
export const amount = (minor: number, currency: CurrencyCode = 'EUR'): Cell => ({
  kind: 'money',
  minor,
  currency,
})
export const percent = (ratio: number | null): Cell => ({ kind: 'percent', ratio })
export const count = (value: number): Cell => ({ kind: 'number', value })
export const rate = (value: string | null): Cell => (value ? { kind: 'rate', rate: value } : null)
export const year = (value: number): Cell => ({ kind: 'year', value })
export const day = (iso: string | null): Cell => (iso ? { kind: 'date', iso } : null)

export function row(
  cells: Cell[],
  style: RowStyle = 'item',
  formulas?: (Formula | null)[],
  depth?: number,
): ReportRow {
  return {
    style,
    cells,
    ...(formulas ? { formulas } : {}),
    ...(depth ? { depth } : {}),
  }
}

/** Formulas for a total row: the sum of `rows` in each of `columns`, nothing elsewhere. */
export function sums(width: number, columns: number[], rows: number[]): (Formula | null)[] {
  return Array.from({ length: width }, (_, column) =>
    columns.includes(column) ? { op: 'sum' as const, rows } : null,
  )
}

/** Adds formulas to a row's array: `at` column gets `formula`. */
export function withFormulas(
  width: number,
  entries: [number, Formula][],
  base?: (Formula | null)[],
): (Formula | null)[] {
  const formulas = base ? [...base] : Array.from({ length: width }, () => null)
  for (const [column, formula] of entries) formulas[column] = formula
  return formulas
}

/** Share as a ratio, null when the whole is zero. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole
}
