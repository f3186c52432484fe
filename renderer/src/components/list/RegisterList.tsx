import { Alert, Group, Text, TextInput } from '@mantine/core'
import { ListSelect } from '../ListSelect'
import { type ReactNode, useId, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { INTL_LOCALE } from '@shared/i18n/locale'
import { columnTotals, listLines } from '@shared/lists/list-figures'
import type { Money } from '@shared/money/money'
import type { ListExport } from '@shared/reports/list-export'
import { errorMessage } from '../../lib/api'
import { type Status, StatusMessage } from '../StatusMessage'
import { useLanguage } from '../../lib/use-language'
import { ColumnChooser } from './ColumnChooser'
import { useColumnWidths } from './column-widths'
import { ListOutputs } from './ListOutputs'
import { type ListColumn, isGroupable, textOf } from './list-columns'
import { listExport } from './list-export'
import {
  type MoreFilters,
  MoreFiltersButton,
  MoreFiltersRow,
  activeFilters,
  keepEnterInFilters,
} from './MoreFilters'
import { type Sort, sortRows } from './list-sort'
import { ACTIONS_WIDTH, RegisterTable } from './RegisterTable'
import { useColumnChoice } from './use-column-choice'
import { useSearchIndex } from './use-search-index'
import type { ListView } from './use-list-url-state'

/** What a list keeps in the address without taking any row out. */
const VIEW_KEYS_NOT_NARROWING = ['sort', 'desc', 'group']

export interface RegisterListProps<Row> {
  /** Names the list in the address and in the remembered column choice. */
  listId: string
  /** The table's name, and the exported workbook's title. */
  label: string
  rows: Row[]
  columns: ListColumn<Row>[]
  getRowId: (row: Row) => string
  onOpen?: (row: Row) => void
  /** The list's view in the address (useListView): `q`, `sort`, `desc`, `group` are the list's. */
  view: ListView
  onView: (patch: ListView) => void
  searchPlaceholder: string
  /** The page's own filters, beside the search: the one or two most used. */
  filters?: ReactNode
  /**
   * The page's other filters, folded behind « Filtres (n) » with the grouping, so that the list
   * keeps one line of tools and its rows in view at 1280×720.
   */
  moreFilters?: MoreFilters
  /** What the page's filters narrowed the list to, for the exported workbook. */
  parameters?: ListExport['parameters']
  initialSort?: Sort
  error?: unknown
  height?: string
  /** A row's buttons (cancel, correct…), in a last column neither sorted nor exported. */
  rowActions?: (row: Row) => ReactNode
  actionsWidth?: number
  /**
   * False when the page searches itself with the list's `q` (the core searches more than the
   * columns show, as the journal does in the values' codes).
   */
  searchRows?: boolean
  /** Buttons of the whole list (letters…), beside export and print. */
  tools?: ReactNode
  /** A row's own attributes (`data-series`…), to tell rows apart in styles and tests. */
  rowAttributes?: (row: Row) => Record<`data-${string}`, string>
}

/**
 * The list of every register: search as you type, the page's filters, sort by any column,
 * grouping with subtotals, the columns that fit (amounts always, the rest in the chooser), a
 * totals row per currency over the rows shown, Excel export and print of what is shown.
 */
export function RegisterList<Row>(props: RegisterListProps<Row>) {
  const { listId, label, columns, view, onView } = props
  const { t } = useTranslation()
  const language = useLanguage()
  const searchRef = useRef<HTMLInputElement>(null)
  const [printing, setPrinting] = useState(false)
  const [status, setStatus] = useState<Status | null>(null)
  const [moreOpen, setMoreOpen] = useState(false)
  const moreId = useId()
  const collator = useMemo(
    () => new Intl.Collator(INTL_LOCALE[language], { numeric: true }),
    [language],
  )
  const actionsWidth = props.rowActions ? (props.actionsWidth ?? ACTIONS_WIDTH) : 0
  // Amounts, dates and numbers as wide as their widest text (totals included): never cut.
  const widths = useColumnWidths(props.rows, columns, language)
  const { measured, fit, choose, room } = useColumnChoice(listId, columns, actionsWidth, widths)
  const shown = useMemo(
    () => columns.filter((column) => fit.shown.includes(column.id)),
    [columns, fit.shown],
  )
  const sort: Sort | null =
    view.sort === undefined
      ? (props.initialSort ?? null)
      : view.sort === ''
        ? null
        : { id: view.sort, desc: view.desc === '1' }
  const query = view.q ?? ''
  const groupColumn = columns.find((column) => column.id === view.group)

  // Each key typed only filters rows already sorted, through texts already folded (issue 25:
  // 50,000 expenses answer within the key). Sorting before searching keeps the same order (the
  // sort is stable). The search is not deferred (useDeferredValue): the list would then be
  // drawn twice per key, and its count waited for longer (measured: 120-150 ms against 40-80).
  const sortColumn = columns.find((c) => c.id === sort?.id)
  const searchRows = props.searchRows !== false
  const ordered = useMemo(
    () => sortRows(props.rows, sortColumn, sort?.desc ?? false, collator),
    [props.rows, sortColumn, sort?.desc, collator],
  )
  const index = useSearchIndex(props.rows, columns, ordered, searchRows)
  const sorted = useMemo(
    () => (searchRows ? index.search(ordered, query) : ordered),
    [ordered, index, query, searchRows],
  )
  // The groups' keys, read once per rows and grouping rather than at every key typed.
  const groupKeys = useMemo(
    () => (groupColumn ? new Map(props.rows.map((row) => [row, textOf(groupColumn, row)])) : null),
    [props.rows, groupColumn],
  )
  const amounts = useMemo(
    () =>
      new Map<string, (row: Row) => Money | null>(
        shown.flatMap((c) =>
          c.kind === 'money' && c.amount && c.totalled !== false ? [[c.id, c.amount]] : [],
        ),
      ),
    [shown],
  )
  const lines = useMemo(
    () =>
      listLines(
        sorted,
        groupColumn && groupKeys
          ? {
              keyOf: (row) => groupKeys.get(row) ?? textOf(groupColumn, row),
              compare: collator.compare,
            }
          : null,
        amounts,
      ),
    [sorted, groupColumn, groupKeys, collator, amounts],
  )
  const totals = useMemo(() => columnTotals(sorted, amounts), [sorted, amounts])

  // Print: every line drawn (no virtual scrolling) while the print dialog is open.
  const print = () => {
    flushSync(() => setPrinting(true))
    window.print()
    setPrinting(false)
  }

  const exported = () =>
    listExport({
      title: label,
      parameters: [
        ...(props.parameters ?? []),
        ...(query ? [{ label: t('list.param.search'), value: query }] : []),
        ...(groupColumn ? [{ label: t('list.groupBy'), value: groupColumn.header }] : []),
      ],
      columns: shown,
      lines,
      totals,
      labels: {
        group: (key, count) => `${key || t('list.emptyGroup')} (${count})`,
        subtotal: (key, currency) => {
          const text = t('list.subtotal', { group: key || t('list.emptyGroup') })
          return currency ? t('list.inCurrency', { label: text, currency }) : text
        },
        total: (currency) => {
          const text = t('list.total', { count: sorted.length })
          return currency ? t('list.inCurrency', { label: text, currency }) : text
        },
      },
    })

  const groupBy = (
    <ListSelect
      label={t('list.groupBy')}
      placeholder={t('list.noGrouping')}
      data={columns.filter(isGroupable).map((c) => ({ value: c.id, label: c.header }))}
      value={groupColumn?.id ?? null}
      onChange={(value) => onView({ group: value ?? '' })}
      clearable
      w={190}
    />
  )
  const more = props.moreFilters

  return (
    <div ref={measured} className="register-list">
      <Group
        align="flex-end"
        gap="sm"
        className="register-toolbar"
        data-not-an-entry
        onKeyDown={keepEnterInFilters}
      >
        <TextInput
          ref={searchRef}
          label={t('common.search')}
          placeholder={props.searchPlaceholder}
          value={query}
          onChange={(event) => onView({ q: event.currentTarget.value })}
          w={260}
          type="search"
        />
        {props.filters}
        {more ? (
          <MoreFiltersButton
            count={activeFilters(view, more.keys)}
            opened={moreOpen}
            onToggle={() => setMoreOpen((open) => !open)}
            controls={moreId}
          />
        ) : (
          groupBy
        )}
      </Group>
      {more && (
        <MoreFiltersRow id={moreId} opened={moreOpen}>
          {more.content}
          {groupBy}
        </MoreFiltersRow>
      )}
      {props.error !== null && props.error !== undefined && (
        <Alert color="red" role="alert" mt="xs">
          {errorMessage(props.error, t('errors.INTERNAL'))}
        </Alert>
      )}
      {/* The count and the list's buttons share one line: the rows keep the window's height. */}
      <Group gap="sm" my={6} align="center">
        <Text size="sm" c="dimmed" className="register-count" style={{ flex: '1 1 300px' }}>
          {t('common.rowsCount', { count: sorted.length })}
          {' · '}
          {t('list.keyboardHint')}
        </Text>
        <Group gap="sm" className="register-toolbar">
          <ColumnChooser columns={columns} fit={fit} onChoose={choose} room={room} />
          <ListOutputs exported={exported} onPrint={print} setStatus={setStatus} />
          {props.tools}
        </Group>
      </Group>
      <StatusMessage status={status} onClose={() => setStatus(null)} />
      <RegisterTable
        label={label}
        columns={shown}
        widths={widths}
        lines={lines}
        totals={totals}
        rowCount={sorted.length}
        // The list's own search or a page filter kept in the address (sort and grouping narrow
        // nothing): an empty file's lists say there is nothing yet, not that nothing matched.
        narrowed={Object.entries(view).some(
          ([key, value]) => value !== '' && !VIEW_KEYS_NOT_NARROWING.includes(key),
        )}
        getRowId={props.getRowId}
        onOpen={props.onOpen}
        sort={sort}
        onSort={(next) => onView({ sort: next?.id ?? '', desc: next?.desc ? '1' : '' })}
        onType={(text) => {
          onView({ q: query + text })
          searchRef.current?.focus()
        }}
        printing={printing}
        height={props.height ?? 'calc(100vh - 290px)'}
        rowActions={props.rowActions}
        actionsWidth={actionsWidth}
        rowAttributes={props.rowAttributes}
      />
    </div>
  )
}
