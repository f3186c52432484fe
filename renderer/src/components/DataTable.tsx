import {
  type ColumnDef,
  type SortingFn,
  type SortingState,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { Text } from '@mantine/core'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { INTL_LOCALE, isLanguage } from '@shared/i18n/locale'

export interface DataTableProps<Row> {
  data: Row[]
  columns: ColumnDef<Row>[]
  getRowId: (row: Row) => string
  label: string
  initialSorting?: SortingState
  onRowOpen?: (row: Row) => void
  height?: number | string
  /**
   * Which rows to show, for a filter typed by the user: the table's rows are kept and only
   * filtered, so a search through thousands of rows does not rebuild them at each key.
   */
  isShown?: (row: Row) => boolean
}

const ROW_HEIGHT = 37

/**
 * The list of every area: sortable headers (click or Enter, aria-sort for screen readers), and
 * only the visible rows in the DOM, so twenty years of lines scroll as fast as twenty.
 */
export function DataTable<Row>({
  data,
  columns,
  getRowId,
  label,
  initialSorting = [],
  onRowOpen,
  height = 'calc(100vh - 260px)',
  isShown,
}: DataTableProps<Row>) {
  const { t, i18n } = useTranslation()
  const [sorting, setSorting] = useState<SortingState>(initialSorting)
  // Text sorts as people read it: "Écoles" beside "Eau", not after "Z".
  const sortingFn = useMemo<SortingFn<Row>>(() => {
    const collator = new Intl.Collator(
      INTL_LOCALE[isLanguage(i18n.language) ? i18n.language : 'fr'],
      {
        numeric: true,
      },
    )
    return (a, b, id) => {
      const x: unknown = a.getValue(id)
      const y: unknown = b.getValue(id)
      if (typeof x === 'number' && typeof y === 'number') return x - y
      return collator.compare(String(x ?? ''), String(y ?? ''))
    }
  }, [i18n.language])
  // TanStack Table returns functions that React Compiler must not memoise; this is the documented use.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    defaultColumn: { sortingFn },
    state: { sorting },
    onSortingChange: setSorting,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  })
  const allRows = table.getRowModel().rows
  const rows = useMemo(
    () => (isShown ? allRows.filter((row) => isShown(row.original)) : allRows),
    [allRows, isShown],
  )
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const paddingTop = items[0]?.start ?? 0
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)

  return (
    <div className="data-table-scroll" ref={scrollRef} style={{ maxHeight: height }}>
      <table className="data-table" aria-label={label} aria-rowcount={rows.length + 1}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted()
                const ariaSort =
                  sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'
                const content = flexRender(header.column.columnDef.header, header.getContext())
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={header.column.getCanSort() ? ariaSort : undefined}
                    className={header.column.columnDef.meta?.numeric ? 'numeric' : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="sort-button"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {content}
                        {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        {sorted && (
                          <span className="skip-link">
                            {t(sorted === 'asc' ? 'common.sortAscending' : 'common.sortDescending')}
                          </span>
                        )}
                      </button>
                    ) : (
                      <span className="sort-button">{content}</span>
                    )}
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden="true">
              <td style={{ height: paddingTop, padding: 0, border: 0 }} colSpan={columns.length} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]
            if (!row) return null
            return (
              <tr
                key={row.id}
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT }}
                onDoubleClick={onRowOpen ? () => onRowOpen(row.original) : undefined}
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={cell.column.columnDef.meta?.numeric ? 'numeric' : undefined}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            )
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true">
              <td
                style={{ height: paddingBottom, padding: 0, border: 0 }}
                colSpan={columns.length}
              />
            </tr>
          )}
        </tbody>
      </table>
      {rows.length === 0 && (
        <Text c="dimmed" p="md">
          {t('common.noRows')}
        </Text>
      )}
    </div>
  )
}

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData, TValue> {
    /** Right-aligned, tabular figures. */
    numeric?: boolean
    /** Phantom use of the type parameters, which the interface must declare. */
    _types?: [TData, TValue]
  }
}
