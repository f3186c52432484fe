import type { ListColumn } from './list-columns'

export interface Sort {
  id: string
  desc: boolean
}

/** A header clicked: ascending, then descending, then the list's own order. */
export function nextSort(sort: Sort | null, id: string): Sort | null {
  if (sort?.id !== id) return { id, desc: false }
  return sort.desc ? null : { id, desc: true }
}

/** The rows in the order asked for: text as people read it ("Écoles" beside "Eau"), amounts by value. */
export function sortRows<Row>(
  rows: readonly Row[],
  column: ListColumn<Row> | undefined,
  desc: boolean,
  collator: Intl.Collator,
): Row[] {
  if (!column) return [...rows]
  const keyOf = (row: Row): string | number | null =>
    column.kind === 'money' ? (column.amount?.(row)?.minor ?? null) : (column.value?.(row) ?? null)
  const keyed = rows.map((row) => ({ row, key: keyOf(row) }))
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? 0 : a.key === null ? 1 : -1
    const order =
      typeof a.key === 'number' && typeof b.key === 'number'
        ? a.key - b.key
        : collator.compare(String(a.key), String(b.key))
    return desc ? -order : order
  })
  return keyed.map((k) => k.row)
}
