import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { formatDateTime } from '@shared/i18n/format-dates'
import { translate } from '@shared/i18n/translate'
import { formatCell, isFigure, reportSubject } from '@shared/reports/format-cell'
import type { Cell, ReportDocument, ReportRow, ReportTable } from '@shared/reports/model'
import { textWidth } from './font-metrics'
import { type PdfFrame, pdfInfo, printable } from './pdf-document'
import {
  type FittedTable,
  fitTable,
  fitsAt,
  NO_BORDERS,
  type SizingColumn,
} from './pdf-table-sizing'

/** A4's width inside the 36 pt margins, by orientation. */
const CONTENT_WIDTH = { portrait: 595.28 - 72, landscape: 841.89 - 72 } as const
/** The tables' font sizes, largest first: a wide table takes the first at which it fits. */
const SIZES = { portrait: [8.5, 8, 7.5, 7, 6.5], landscape: [8, 7.5, 7, 6.5, 6] } as const
/** A report is portrait when every table fits the portrait width at this size or larger. */
const PORTRAIT_SMALLEST = 8

/**
 * Lays a report out for A4: the organisation and title, the parameters, then each view's tables
 * with their header row repeated on every page; landscape when a table is wide. The running
 * header names the organisation and the report, the footer the date and the page.
 */
export function reportPdf(report: ReportDocument): {
  definition: TDocumentDefinitions
  frame: PdfFrame
} {
  // Each cell formatted once, for the sizing and for the drawing.
  const texts = new Map(
    report.sheets.flatMap((sheet) =>
      sheet.tables.map(
        (table) =>
          [
            table,
            table.rows.map((row) => row.cells.map((cell) => formatCell(cell, report.language))),
          ] as const,
      ),
    ),
  )
  const sizing = new Map(
    [...texts].map(([table, cells]) => [table, sizingColumns(table, cells)] as const),
  )
  const portrait = [...sizing.values()].every((columns) =>
    SIZES.portrait
      .filter((size) => size >= PORTRAIT_SMALLEST)
      .some((size) => fitsAt(columns, CONTENT_WIDTH.portrait, size)),
  )
  const orientation = portrait ? 'portrait' : 'landscape'
  const content: Content[] = [
    { text: report.organisation, style: 'organisation' },
    { text: report.title, style: 'title' },
  ]
  // pdfmake fails on a table without rows.
  if (report.parameters.length > 0) content.push(parametersTable(report, orientation))
  report.sheets.forEach((sheet, index) => {
    content.push({
      text: sheet.title,
      style: 'sheet',
      ...(index > 0 ? { pageBreak: 'before' as const } : {}),
    })
    for (const table of sheet.tables) {
      const fitted = fitTable(
        sizing.get(table) ?? [],
        CONTENT_WIDTH[orientation],
        SIZES[orientation],
      )
      content.push(...tableContent(table, texts.get(table) ?? [], fitted))
    }
  })
  const generated = translate(report.language, 'reporting.generatedOn', {
    date: formatDateTime(report.generatedAt, report.language),
  })
  return {
    definition: {
      pageSize: 'A4',
      pageOrientation: orientation,
      pageMargins: [36, 40, 36, 40],
      info: pdfInfo({
        title: report.title,
        author: report.organisation,
        subject: reportSubject(report),
      }),
      content,
      defaultStyle: { fontSize: SIZES[orientation][0] },
      styles: {
        organisation: { fontSize: 10, bold: true, color: '#1f2933' },
        title: { fontSize: 15, bold: true, margin: [0, 2, 0, 6] },
        parameterLabel: { color: '#52606d' },
        parameter: { bold: true },
        sheet: { fontSize: 11, bold: true, margin: [0, 6, 0, 4] },
        tableTitle: { fontSize: 9.5, bold: true, margin: [0, 6, 0, 3] },
        th: { bold: true, fillColor: '#e4e7eb' },
        note: { italics: true, fontSize: 7.5, color: '#52606d' },
      },
    },
    frame: {
      header: { left: report.organisation, right: report.title },
      footer: {
        left: generated,
        pageLabel: translate(report.language, 'reporting.page', {
          page: '{page}',
          pages: '{pages}',
        }),
      },
    },
  }
}

/**
 * The report's parameters, label and value, sized as the tables are: a value may be a
 * funder's own text (an agreement's title, a long reference) longer than the page.
 */
function parametersTable(report: ReportDocument, orientation: keyof typeof SIZES): Content {
  const size = SIZES[orientation][0]
  const width = CONTENT_WIDTH[orientation]
  const labels = report.parameters.map((p) => printable(p.label))
  // The labels on one line as long as they take less than a third of the page.
  const longest = Math.max(...labels.map((label) => textWidth(label, size)))
  const columns: SizingColumn[] = [
    { texts: labels.map((text) => ({ text })), ...(longest < width / 3 ? { fixed: longest } : {}) },
    { texts: report.parameters.map((p) => ({ text: printable(p.value), face: 'bold' as const })) },
  ]
  const fitted = fitTable(columns, width, [size], NO_BORDERS)
  const broken = (index: number) =>
    fitted.breakAll[index] ? { wordBreak: 'break-all' as const } : {}
  return {
    table: {
      widths: fitted.widths,
      body: report.parameters.map((p) => [
        { text: p.label, style: 'parameterLabel', ...broken(0) },
        { text: p.value, style: 'parameter', ...broken(1) },
      ]),
    },
    layout: 'noBorders',
    fontSize: size,
    margin: [0, 0, 0, 8],
  }
}

/** What the sizing measures of a table: its header and every cell as they will be drawn. */
function sizingColumns(table: ReportTable, texts: string[][]): SizingColumn[] {
  return table.columns.map((column, index) => ({
    texts: [
      { text: printable(column.label), face: 'bold' as const },
      ...table.rows.map((row, rowIndex) => {
        const cell = row.cells[index] ?? null
        return {
          text: printable(texts[rowIndex]?.[index] ?? ''),
          face: row.style === 'item' ? ('normal' as const) : ('bold' as const),
          noWrap: keptOnOneLine(cell),
          indent: index === 0 && row.depth ? row.depth * INDENT : 0,
        }
      }),
    ],
  }))
}

/** Figures and dates are never broken over two lines. */
function keptOnOneLine(cell: Cell): boolean {
  return isFigure(cell) || cell?.kind === 'date'
}

/** How far a level of a budget tree is indented, in points. */
const INDENT = 8

function tableContent(table: ReportTable, texts: string[][], fitted: FittedTable): Content[] {
  const header: TableCell[] = table.columns.map((column, index) => ({
    text: column.label,
    style: 'th',
    alignment: column.kind === 'text' || column.kind === 'date' ? 'left' : 'right',
    ...(fitted.breakAll[index] ? { wordBreak: 'break-all' as const } : {}),
  }))
  const body: TableCell[][] = [
    header,
    ...table.rows.map((row, index) => rowCells(row, texts[index] ?? [], fitted.breakAll)),
  ]
  return [
    ...(table.title ? [{ text: table.title, style: 'tableTitle' } as Content] : []),
    {
      table: { headerRows: 1, widths: fitted.widths, body, dontBreakRows: true },
      layout: 'lightHorizontalLines',
      fontSize: fitted.fontSize,
      margin: [0, 0, 0, 6],
    },
    ...(table.notes ?? []).map((note) => ({ text: note, style: 'note' }) as Content),
  ]
}

function rowCells(row: ReportRow, texts: string[], breakAll: boolean[]): TableCell[] {
  const strong = row.style !== 'item'
  const fill = row.style === 'total' || row.style === 'group' ? '#f0f4f8' : undefined
  return row.cells.map((cell, index) => ({
    text: texts[index] ?? '',
    alignment: isFigure(cell) ? ('right' as const) : ('left' as const),
    bold: strong,
    // A column too narrow even for its figures (the last resort) breaks them rather than clip.
    ...(breakAll[index]
      ? { wordBreak: 'break-all' as const }
      : keptOnOneLine(cell)
        ? { noWrap: true }
        : {}),
    ...(fill ? { fillColor: fill } : {}),
    ...(index === 0 && row.depth
      ? { margin: [row.depth * INDENT, 0, 0, 0] as [number, number, number, number] }
      : {}),
  }))
}
