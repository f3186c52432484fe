import type { ContentTable, Margins, TableCell } from 'pdfmake/interfaces'
import { printable } from './pdf-document'
import { fitTable, type SizingText } from './pdf-table-sizing'

/** A cell of text as a document writes it. */
export interface TextCell {
  text: string
  bold?: boolean
  alignment?: 'left' | 'right'
  /** An amount or a date: never broken over two lines. */
  noWrap?: boolean
  /** Its own size in points (a heading in small type); the table's otherwise. */
  fontSize?: number
  color?: string
}

/** A cell that is not plain text (a drawing, mixed styles), with what it takes to measure. */
export interface DrawnCell {
  node: TableCell
  /** What it holds, as the sizing measures it (nothing for a drawing of a fixed width). */
  measure: SizingText[]
}

export type TableEntry = string | TextCell | DrawnCell

/**
 * A table of the PDF documents other than reports (the fiche projet, the letters) laid out with
 * the `lightHorizontalLines` layout, its columns sized by {@link fitTable} from what they hold:
 * at the largest of `sizes` at which it fits `width`.
 */
export function fittedTable(
  rows: TableEntry[][],
  options: {
    width: number
    sizes: readonly number[]
    headerRows?: number
    /** Columns of a fixed width in points (a drawing), by index. */
    fixed?: Record<number, number>
    margin?: Margins
  },
): ContentTable {
  const count = Math.max(0, ...rows.map((row) => row.length))
  const columns = Array.from({ length: count }, (_, index) => ({
    texts: rows.flatMap((row) => measureOf(row[index] ?? '')),
    ...(options.fixed?.[index] !== undefined ? { fixed: options.fixed[index] } : {}),
  }))
  const fitted = fitTable(columns, options.width, options.sizes)
  return {
    table: {
      headerRows: options.headerRows ?? 0,
      widths: fitted.widths,
      body: rows.map((row) =>
        row.map((entry, index) => nodeOf(entry, fitted.breakAll[index] ?? false)),
      ),
    },
    layout: 'lightHorizontalLines',
    fontSize: fitted.fontSize,
    ...(options.margin ? { margin: options.margin } : {}),
  }
}

function measureOf(entry: TableEntry): SizingText[] {
  if (typeof entry === 'string') return [{ text: printable(entry) }]
  if ('node' in entry) return entry.measure
  return [
    {
      text: printable(entry.text),
      face: entry.bold ? 'bold' : 'normal',
      ...(entry.fontSize ? { size: entry.fontSize } : {}),
      ...(entry.noWrap ? { noWrap: true } : {}),
    },
  ]
}

function nodeOf(entry: TableEntry, breakAll: boolean): TableCell {
  const broken = breakAll ? { wordBreak: 'break-all' as const } : {}
  if (typeof entry === 'string') return { text: entry, ...broken }
  if ('node' in entry) return entry.node
  // A column too narrow even for its figures (the last resort) breaks them rather than clip.
  if (breakAll) return { ...entry, noWrap: false, ...broken }
  return entry
}
