import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { formatDateTime } from '../../../shared/i18n/format-dates'
import { translate } from '../../../shared/i18n/translate'
import { formatCell, isFigure } from '../../../shared/reports/format-cell'
import type { ReportDocument, ReportRow, ReportTable } from '../../../shared/reports/model'
import type { PdfFrame } from './pdf-document'

const PORTRAIT_WIDTH = 595 - 72
const LANDSCAPE_WIDTH = 842 - 72

/**
 * Lays a report out for A4: the organisation and title, the parameters, then each view's tables
 * with their header row repeated on every page; landscape when a table is wide. The running
 * header names the organisation and the report, the footer the date and the page.
 */
export function reportPdf(report: ReportDocument): {
  definition: TDocumentDefinitions
  frame: PdfFrame
} {
  const widest = Math.max(
    0,
    ...report.sheets.flatMap((sheet) =>
      sheet.tables.map((table) => table.columns.reduce((sum, c) => sum + c.width, 0)),
    ),
  )
  const landscape = widest > 80
  const pageWidth = landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH
  const content: Content[] = [
    { text: report.organisation, style: 'organisation' },
    { text: report.title, style: 'title' },
    {
      table: {
        widths: ['auto', '*'],
        body: report.parameters.map((p) => [
          { text: p.label, style: 'parameterLabel' },
          { text: p.value, style: 'parameter' },
        ]),
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 8],
    },
  ]
  report.sheets.forEach((sheet, index) => {
    content.push({
      text: sheet.title,
      style: 'sheet',
      ...(index > 0 ? { pageBreak: 'before' as const } : {}),
    })
    for (const table of sheet.tables) content.push(...tableContent(table, pageWidth, report))
  })
  const generated = translate(report.language, 'reporting.generatedOn', {
    date: formatDateTime(report.generatedAt, report.language),
  })
  return {
    definition: {
      pageSize: 'A4',
      pageOrientation: landscape ? 'landscape' : 'portrait',
      pageMargins: [36, 40, 36, 40],
      info: { title: report.title, creator: 'AIMF Finances', producer: 'AIMF Finances' },
      content,
      defaultStyle: { fontSize: landscape ? 7.5 : 8.5 },
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

function tableContent(table: ReportTable, pageWidth: number, report: ReportDocument): Content[] {
  const total = table.columns.reduce((sum, column) => sum + column.width, 0) || 1
  const widths = table.columns.map(
    (column) => (column.width / total) * (pageWidth - 4 * table.columns.length),
  )
  const header: TableCell[] = table.columns.map((column) => ({
    text: column.label,
    style: 'th',
    alignment: column.kind === 'text' || column.kind === 'date' ? 'left' : 'right',
  }))
  const body: TableCell[][] = [header, ...table.rows.map((row) => rowCells(row, report))]
  return [
    ...(table.title ? [{ text: table.title, style: 'tableTitle' } as Content] : []),
    {
      table: { headerRows: 1, widths, body, dontBreakRows: true },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 6],
    },
    ...(table.notes ?? []).map((note) => ({ text: note, style: 'note' }) as Content),
  ]
}

function rowCells(row: ReportRow, report: ReportDocument): TableCell[] {
  const strong = row.style !== 'item'
  const fill = row.style === 'total' || row.style === 'group' ? '#f0f4f8' : undefined
  return row.cells.map((cell, index) => ({
    text: formatCell(cell, report.language),
    alignment: isFigure(cell) ? ('right' as const) : ('left' as const),
    bold: strong,
    ...(fill ? { fillColor: fill } : {}),
    ...(index === 0 && row.depth
      ? { margin: [row.depth * 8, 0, 0, 0] as [number, number, number, number] }
      : {}),
  }))
}
