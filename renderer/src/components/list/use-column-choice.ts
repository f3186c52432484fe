import { useEffect, useMemo, useRef, useState } from 'react'
import { type ColumnFit, fitColumns, type RoomFor, roomFor } from '@shared/lists/list-figures'
import { columnWidth, type ListColumn } from './list-columns'

const STORAGE_PREFIX = 'aimf.list.columns.'
const SCROLLBAR = 20

/** The columns the user chose for a list (ids shown and hidden), remembered on this machine. */
interface Choice {
  shown: string[]
  hidden: string[]
}

function readChoice(listId: string): Choice {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_PREFIX + listId) ?? 'null')
    if (stored && typeof stored === 'object') {
      const { shown, hidden } = stored as Partial<Choice>
      const ids = (value: unknown) =>
        Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
      return { shown: ids(shown), hidden: ids(hidden) }
    }
  } catch {
    // A choice that cannot be read is forgotten: every column by default.
  }
  return { shown: [], hidden: [] }
}

/**
 * Which columns a list shows: the user's choice (remembered per list), then as many as the
 * width allows, amounts always (see fitColumns). Answers the ref to measure, the fit, and how to
 * change the choice.
 */
export function useColumnChoice<Row>(
  listId: string,
  columns: readonly ListColumn<Row>[],
  /** Room taken by what is not a chosen column (a row's buttons). */
  reserved = 0,
  /** The room the columns' widest texts need (useColumnWidths): an amount is never cut. */
  measuredWidths?: ReadonlyMap<string, number>,
) {
  const [choice, setChoice] = useState<Choice>(() => readChoice(listId))
  const [width, setWidth] = useState(1200)
  const measured = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = measured.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) => {
      // Less the list's border and a vertical scroll bar.
      if (entry) setWidth(Math.floor(entry.contentRect.width) - SCROLLBAR)
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  const wanted = useMemo(() => {
    const shown = new Set(choice.shown)
    const hidden = new Set(choice.hidden)
    return (id: string) => {
      if (hidden.has(id)) return false
      if (shown.has(id)) return true
      return !columns.find((c) => c.id === id)?.optional
    }
  }, [choice, columns])
  const fitting = useMemo(
    () =>
      columns.map((column, index) => ({
        id: column.id,
        width: columnWidth(column, measuredWidths),
        money: column.kind === 'money',
        // A column the user asked for comes before those shown by default.
        priority: (column.priority ?? index) - (choice.shown.includes(column.id) ? 1000 : 0),
      })),
    [columns, choice.shown, measuredWidths],
  )
  const available = width - reserved
  const fit: ColumnFit = useMemo(
    () => fitColumns(fitting, available, wanted),
    [fitting, available, wanted],
  )
  /** What ticking a crowded column would push out, or that it cannot find room. */
  const room = (id: string): RoomFor => roomFor(fitting, available, wanted, id)
  const choose = (id: string, show: boolean) => {
    const next: Choice = {
      shown: [...choice.shown.filter((c) => c !== id), ...(show ? [id] : [])],
      hidden: [...choice.hidden.filter((c) => c !== id), ...(show ? [] : [id])],
    }
    localStorage.setItem(STORAGE_PREFIX + listId, JSON.stringify(next))
    setChoice(next)
  }
  return { measured, fit, wanted, choose, room }
}
