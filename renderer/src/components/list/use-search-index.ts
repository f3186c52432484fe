import { useEffect, useMemo } from 'react'
import { SearchIndex } from '@shared/lists/list-search'
import { type ListColumn, textOf } from './list-columns'

/** The longest a slice of reading ahead holds the page: a key typed meanwhile waits no longer. */
const SLICE_MS = 8

/**
 * The list's rows as searched: each row's text columns folded once per rows (not per key typed),
 * read ahead while the page is idle so that the first key finds them ready.
 */
export function useSearchIndex<Row>(
  rows: readonly Row[],
  columns: readonly ListColumn<Row>[],
  /** The rows in the order shown, whose texts are lined up ahead too. */
  ordered: readonly Row[],
  /** False when the page searches itself: nothing to read ahead. */
  enabled: boolean,
): SearchIndex<Row> {
  const index = useMemo(() => {
    const texts = columns.filter((column) => column.kind === 'text')
    return new SearchIndex(rows, (row: Row) => texts.map((column) => textOf(column, row)))
  }, [rows, columns])
  useEffect(() => {
    if (!enabled) return
    // Slices posted as messages run between the page's other tasks: a key typed waits one slice
    // at most. Idle callbacks would wait for idle periods a busy page (or a test's clock) rarely
    // gives, and the first key would fold the rows itself.
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      const until = performance.now() + SLICE_MS
      if (!index.warm(() => performance.now() < until)) channel.port2.postMessage(null)
      else index.textsInOrder(ordered)
    }
    channel.port2.postMessage(null)
    return () => channel.port1.close()
  }, [index, ordered, enabled])
  return index
}
