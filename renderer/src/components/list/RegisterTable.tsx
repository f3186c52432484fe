import { useVirtualizer } from '@tanstack/react-virtual'
import { MARK_PARAM } from '../../lib/use-marked-row'
import { useUrlParam } from '../../lib/use-url-param'
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '@shared/i18n/format-dates'
import { formatNumber } from '@shared/i18n/format-number'
import type { ListLine } from '@shared/lists/list-figures'
import type { Money } from '@shared/money/money'
import { Amount } from '../Amount'
import { useLanguage } from '../../lib/use-language'
import type { Language } from '@shared/i18n/locale'
import { columnWidth, type ListColumn, textOf } from './list-columns'
import { type Sort, nextSort } from './list-sort'
import { TotalsRows } from './TotalsRows'

const ROW_HEIGHT = 37
/**
 * Up to this many lines every one is drawn (the browser's find and a test's count see them
 * all); beyond it only those in view, so twenty years scroll as fast as twenty lines.
 */
const FULLY_DRAWN_LINES = 200
export const ACTIONS_WIDTH = 160

export interface RegisterTableProps<Row> {
  label: string
  columns: ListColumn<Row>[]
  /** The room the columns' widest texts need (useColumnWidths): amounts are never cut. */
  widths?: ReadonlyMap<string, number>
  lines: ListLine<Row>[]
  totals: Map<string, Money[]>
  rowCount: number
  getRowId: (row: Row) => string
  onOpen?: (row: Row) => void
  sort: Sort | null
  onSort: (sort: Sort | null) => void
  /** Whether a search or filter narrowed the list (an empty list then says nothing matched). */
  narrowed: boolean
  /** A letter typed on a row: the search box takes it. */
  onType: (text: string) => void
  /** Every line in the page, for printing (no virtual scrolling). */
  printing: boolean
  height: string
  /** The buttons of a row (cancel, correct…), in a last column neither sorted nor exported. */
  rowActions?: (row: Row) => ReactNode
  actionsWidth?: number
  /** A row's own attributes (`data-series`…), to tell rows apart in styles and tests. */
  rowAttributes?: (row: Row) => Record<`data-${string}`, string>
}

/**
 * A register's table: headers that sort, the first column and the headers held in place while
 * scrolling, only the visible lines in the page (twenty years scroll as fast as twenty lines),
 * a totals row per currency, and the keyboard: arrows move, Enter opens, typing searches.
 */
export function RegisterTable<Row>(props: RegisterTableProps<Row>) {
  const { label, columns, widths, lines, getRowId, onOpen, printing, rowActions } = props
  const span = columns.length + (rowActions ? 1 : 0)
  const actionsWidth = rowActions ? (props.actionsWidth ?? ACTIONS_WIDTH) : 0
  const { t } = useTranslation()
  const language = useLanguage()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [active, setActive] = useState(0)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions the React Compiler must not memoise; this is its documented use
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: lines.length <= FULLY_DRAWN_LINES ? lines.length : 12,
  })
  const items = printing
    ? lines.map((_, index) => ({ index, start: index * ROW_HEIGHT, end: (index + 1) * ROW_HEIGHT }))
    : virtualizer.getVirtualItems()
  const paddingTop = printing ? 0 : (items[0]?.start ?? 0)
  const paddingBottom = printing ? 0 : virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  const current = Math.min(active, Math.max(lines.length - 1, 0))

  // The focus follows the active line once it is drawn.
  const focusWanted = useRef(false)
  useEffect(() => {
    if (!focusWanted.current) return
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-line="${current}"]`)
    if (row) {
      row.focus()
      focusWanted.current = false
    }
  })

  // The row a link asked to mark is drawn (scrolled to) so that the mark can find it.
  const [marked] = useUrlParam(MARK_PARAM)
  const markedIndex = marked
    ? lines.findIndex((line) => line.kind === 'row' && getRowId(line.row) === marked)
    : -1
  useEffect(() => {
    if (markedIndex >= 0 && !printing) virtualizer.scrollToIndex(markedIndex, { align: 'center' })
  }, [markedIndex, printing, virtualizer])

  const move = (to: number) => {
    const target = Math.max(0, Math.min(lines.length - 1, to))
    focusWanted.current = true
    setActive(target)
    virtualizer.scrollToIndex(target, { align: 'auto' })
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    // Keys pressed on a row's own button or link are theirs (Enter presses the button).
    if (!(event.target instanceof HTMLTableRowElement)) return
    const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 370) / ROW_HEIGHT))
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(current + 1),
      ArrowUp: () => move(current - 1),
      PageDown: () => move(current + pageSize),
      PageUp: () => move(current - pageSize),
      Home: () => move(0),
      End: () => move(lines.length - 1),
      Enter: () => {
        const line = lines[current]
        if (line?.kind === 'row') onOpen?.(line.row)
      },
    }
    const action = keys[event.key]
    if (action) {
      event.preventDefault()
      action()
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault()
      props.onType(event.key)
    }
  }

  return (
    <div
      className="register-scroll"
      ref={scrollRef}
      style={{ maxHeight: printing ? 'none' : props.height }}
    >
      <table
        className="register-table"
        aria-label={label}
        aria-rowcount={lines.length + 1}
        style={{
          minWidth: columns.reduce(
            (sum, column) => sum + columnWidth(column, widths),
            actionsWidth,
          ),
        }}
      >
        <colgroup>
          {columns.map((column) => (
            <col key={column.id} style={{ width: columnWidth(column, widths) }} />
          ))}
          {rowActions && <col style={{ width: actionsWidth }} />}
        </colgroup>
        <thead>
          <tr>
            {columns.map((column) => (
              <HeaderCell key={column.id} column={column} sort={props.sort} onSort={props.onSort} />
            ))}
            {rowActions && (
              <th scope="col" className="register-actions">
                {t('common.actions')}
              </th>
            )}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {lines.length === 0 && (
            // An empty list says so, rather than showing only its headers and a zero total.
            <tr>
              <td colSpan={span} className="register-empty">
                {t(props.narrowed ? 'common.noRows' : 'list.nothingYet')}
              </td>
            </tr>
          )}
          {paddingTop > 0 && <Spacer height={paddingTop} span={span} />}
          {items.map((item) => {
            const line = lines[item.index]
            if (!line) return null
            const focusable = item.index === current ? 0 : -1
            const common = {
              'data-line': item.index,
              tabIndex: focusable,
              'aria-rowindex': item.index + 2,
              style: { height: ROW_HEIGHT },
            }
            if (line.kind === 'group')
              return (
                <tr key={`g:${line.key}`} className="register-group" {...common}>
                  <th scope="rowgroup" colSpan={span}>
                    {line.key || t('list.emptyGroup')} ({line.count})
                  </th>
                </tr>
              )
            if (line.kind === 'subtotal')
              return (
                <TotalsRows
                  key={`s:${line.key}`}
                  rowKey={`s:${line.key}`}
                  columns={columns}
                  totals={line.totals}
                  label={t('list.subtotal', { group: line.key || t('list.emptyGroup') })}
                  className="register-subtotal"
                  extra={common}
                  trailing={rowActions !== undefined}
                />
              )
            return (
              <tr
                key={getRowId(line.row)}
                // What a link marks (« Voir » in the journal): see lib/use-marked-row.
                data-record-id={getRowId(line.row)}
                {...props.rowAttributes?.(line.row)}
                {...common}
                // A row taller than the others (text on several lines) is measured as drawn.
                data-index={item.index}
                ref={printing ? undefined : virtualizer.measureElement}
                className={item.index === current ? 'register-active' : undefined}
                onDoubleClick={onOpen ? () => onOpen(line.row) : undefined}
                onFocus={() => setActive(item.index)}
              >
                {columns.map((column, index) => (
                  <td
                    key={column.id}
                    className={cellClass(column, index)}
                    // A text cut to its column's width is read whole on hovering it.
                    title={cutText(column, line.row)}
                  >
                    {cellContent(column, line.row, language)}
                  </td>
                ))}
                {rowActions && <td className="register-actions">{rowActions(line.row)}</td>}
              </tr>
            )
          })}
          {paddingBottom > 0 && <Spacer height={paddingBottom} span={span} />}
        </tbody>
        <tfoot>
          <TotalsRows
            rowKey="total"
            columns={columns}
            totals={props.totals}
            label={t('list.total', { count: props.rowCount })}
            className="register-total"
            trailing={rowActions !== undefined}
          />
        </tfoot>
      </table>
    </div>
  )
}

function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden="true">
      <td style={{ height, padding: 0, border: 0 }} colSpan={span} />
    </tr>
  )
}

export function cellClass(column: ListColumn<never>, index: number): string | undefined {
  const classes = [
    index === 0 ? 'register-first' : '',
    column.kind === 'text' ? '' : 'numeric',
    column.wrap ? 'register-wrap' : '',
  ]
  return classes.filter(Boolean).join(' ') || undefined
}

/**
 * The whole text of a text cell its column may cut (with « … »), for its tooltip; none for the
 * cells never cut (amounts, dates and numbers are as wide as their widest; a wrapped text).
 */
function cutText<Row>(column: ListColumn<Row>, row: Row): string | undefined {
  if (column.kind !== 'text' || column.wrap || column.widest) return undefined
  return textOf(column, row) || undefined
}

/**
 * A cell's content: a plain call, not a component, so that the rows drawn after each key typed
 * do not each subscribe to the language (a hook per cell) when the table has it already.
 */
function cellContent<Row>(column: ListColumn<Row>, row: Row, language: Language): ReactNode {
  if (column.cell) return column.cell(row)
  if (column.kind === 'money') {
    const amount = column.amount?.(row)
    return amount ? <Amount minor={amount.minor} currency={amount.currency} /> : ''
  }
  const value = column.value?.(row)
  if (value === null || value === undefined) return ''
  if (column.kind === 'date') return formatDate(String(value), language)
  if (column.kind === 'number' && typeof value === 'number') return formatNumber(value, language)
  return String(value)
}

function HeaderCell<Row>({
  column,
  sort,
  onSort,
}: {
  column: ListColumn<Row>
  sort: Sort | null
  onSort: (sort: Sort | null) => void
}) {
  const { t } = useTranslation()
  const sorted = sort?.id === column.id ? (sort.desc ? 'desc' : 'asc') : null
  return (
    <th
      scope="col"
      data-kind={column.kind}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
      className={column.kind === 'text' ? undefined : 'numeric'}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(nextSort(sort, column.id))}
      >
        {column.header}
        {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
        {sorted && (
          <span className="skip-link">
            {t(sorted === 'asc' ? 'common.sortAscending' : 'common.sortDescending')}
          </span>
        )}
      </button>
    </th>
  )
}
