import { type ListLine, totalCurrencies } from '@shared/lists/list-figures'
import type { ListExport, ListExportCell, ListExportRow } from '@shared/reports/list-export'
import type { Money } from '@shared/money/money'
import { type ListColumn, textOf } from './list-columns'

/** A row's cell as the workbook types it: an amount with its currency, a date, a number, text. */
function cellOf<Row>(column: ListColumn<Row>, row: Row): ListExportCell {
  if (column.kind === 'money') {
    const amount = column.amount?.(row)
    return amount ? { kind: 'money', minor: amount.minor, currency: amount.currency } : null
  }
  const value = column.value?.(row)
  if (value === null || value === undefined || value === '') return null
  if (column.kind === 'date') return { kind: 'date', iso: String(value) }
  if (column.kind === 'number' && typeof value === 'number') return { kind: 'number', value }
  return { kind: 'text', text: textOf(column, row) }
}

/** Totals as rows, one per currency, the first cell saying what they total. */
function totalsRows<Row>(
  columns: ListColumn<Row>[],
  totals: Map<string, Money[]>,
  label: (currency: string | null) => string,
  style: 'subtotal' | 'total',
): ListExportRow[] {
  const currencies = totalCurrencies(totals)
  return (currencies.length > 0 ? currencies : [null]).map((currency) => ({
    style,
    cells: columns.map((column, index): ListExportCell => {
      if (index === 0) return { kind: 'text', text: label(currencies.length > 1 ? currency : null) }
      const amount = totals.get(column.id)?.find((m) => m.currency === currency)
      return amount ? { kind: 'money', minor: amount.minor, currency: amount.currency } : null
    }),
  }))
}

/**
 * What the list shows, as the workbook will hold it: the columns shown, the lines in their
 * order (groups, rows, subtotals), then the totals.
 */
export function listExport<Row>(input: {
  title: string
  parameters: ListExport['parameters']
  columns: ListColumn<Row>[]
  lines: ListLine<Row>[]
  totals: Map<string, Money[]>
  labels: {
    group: (key: string, count: number) => string
    subtotal: (key: string, currency: string | null) => string
    total: (currency: string | null) => string
  }
}): ListExport {
  const { columns, labels } = input
  const rows = input.lines.flatMap((line): ListExportRow[] => {
    if (line.kind === 'row')
      return [{ style: 'item', cells: columns.map((column) => cellOf(column, line.row)) }]
    if (line.kind === 'group')
      return [
        {
          style: 'group',
          cells: columns.map((_, index) =>
            index === 0 ? { kind: 'text', text: labels.group(line.key, line.count) } : null,
          ),
        },
      ]
    return totalsRows(columns, line.totals, (c) => labels.subtotal(line.key, c), 'subtotal')
  })
  return {
    title: input.title,
    parameters: input.parameters,
    columns: columns.map((column) => ({ label: column.header, kind: column.kind })),
    rows: [...rows, ...totalsRows(columns, input.totals, labels.total, 'total')],
  }
}
