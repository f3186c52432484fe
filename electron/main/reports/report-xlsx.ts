import type ExcelJS from 'exceljs'
import { declareFilters, type SheetFilter } from '../workbook/filter-names'
import { commitRow, streamedWorkbook } from '../workbook/streamed-workbook'
import { FONT, font, moneyFormat, decimalsFormat } from '../workbook/xlsx-style'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import { minorUnits } from '@shared/money/currencies'
import type {
  Cell,
  Formula,
  ReportDocument,
  ReportRow,
  ReportSheet,
  ReportTable,
} from '@shared/reports/model'
import { labelled, reportSubject } from '@shared/reports/format-cell'
import { columnWidths, headerHeight } from './report-xlsx-widths'

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE4E7EB' },
}
const TOTAL_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFF0F4F8' },
}
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9AA5B1' } }
const GREY = { argb: 'FF52606D' }

/**
 * Writes a report as an Excel workbook: one sheet per view, the organisation, title and
 * parameters on top, frozen and filtered headers, number formats per currency, column widths
 * from what the columns hold, and totals and variances as live formulas whose values are
 * stored too (exceljs computes nothing). It opens on its first sheet, and its filters show in
 * LibreOffice as in Excel. Written by the streaming writer, row after row (a list of 50,000
 * rows is a report too).
 */
export async function reportWorkbook(report: ReportDocument): Promise<Buffer> {
  return streamedWorkbook((workbook) => {
    workbook.creator = 'AIMF Finances'
    workbook.created = new Date(report.generatedAt)
    workbook.title = report.title
    workbook.subject = reportSubject(report)
    workbook.views = [
      {
        x: 0,
        y: 0,
        width: 20000,
        height: 12000,
        firstSheet: 0,
        activeTab: 0,
        visibility: 'visible',
      },
    ]
    const filters: SheetFilter[] = []
    declareFilters(workbook, filters)
    report.sheets.forEach((sheet, index) => {
      const filter = writeSheet(workbook, sheet, report)
      if (filter) filters.push({ ...filter, index })
    })
  })
}

/** A line of a sheet, at its row: a text, the parameters' rich text, a table's header or rows. */
type Line =
  | { kind: 'text'; row: number; text: string; style: Partial<ExcelJS.Font> }
  | { kind: 'parameter'; row: number; label: string; value: string }
  | { kind: 'header'; row: number; table: ReportTable }
  | { kind: 'rows'; row: number; table: ReportTable }

/**
 * Where each line of a view goes. Laid out before anything is written: the streaming writer
 * writes the frozen header's place and the columns' widths before the first row.
 */
function layout(sheet: ReportSheet, report: ReportDocument): Line[] {
  const lines: Line[] = []
  let row = 1
  const text = (value: string, style: Partial<ExcelJS.Font>) =>
    lines.push({ kind: 'text', row: row++, text: value, style })
  text(report.organisation, { bold: true, size: 12 })
  text(report.title, { bold: true, size: 14 })
  if (sheet.title !== report.title) text(sheet.title, { bold: true, size: 11 })
  for (const parameter of report.parameters) {
    lines.push({
      kind: 'parameter',
      row: row++,
      label: labelled(report, parameter.label),
      value: parameter.value,
    })
  }
  text(generatedLine(report), { italic: true, size: 9, color: GREY })
  row += 1
  for (const table of sheet.tables) {
    if (table.title) text(table.title, { bold: true, size: 11 })
    lines.push({ kind: 'header', row: row++, table })
    lines.push({ kind: 'rows', row, table })
    row += table.rows.length
    for (const note of table.notes ?? []) text(note, { italic: true, size: 9 })
    row += 1
  }
  return lines
}

/** Writes one view; answers its filter, if it has one. */
function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: ReportSheet,
  report: ReportDocument,
): Omit<SheetFilter, 'index'> | null {
  const lines = layout(sheet, report)
  // The first table with rows is filtered, its header frozen and printed on every page.
  const filtered = lines.find(
    (line): line is Extract<Line, { kind: 'header' }> =>
      line.kind === 'header' && line.table.rows.length > 0,
  )
  const worksheet = workbook.addWorksheet(sheetName(sheet.name), {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(filtered ? { printTitlesRow: `${filtered.row}:${filtered.row}` } : {}),
    },
    headerFooter: {
      oddHeader: `&L${escapeHeader(report.organisation)}&R${escapeHeader(report.title)}`,
      oddFooter: `&L${escapeHeader(generatedLine(report))}&R&P / &N`,
    },
    views: filtered ? [{ state: 'frozen', ySplit: filtered.row, xSplit: 0 }] : [],
  })
  const widths = columnWidths(sheet.tables, report.language)
  worksheet.columns = widths.map((width) => ({ width: width.units }))
  for (const line of lines) {
    if (line.kind === 'rows') {
      writeRows(worksheet, line.table, line.row, report.language, widths)
      continue
    }
    const excelRow = worksheet.getRow(line.row)
    if (line.kind === 'text') {
      const cell = excelRow.getCell(1)
      cell.value = line.text
      cell.font = font(line.style)
    } else if (line.kind === 'parameter') {
      // Label and value in one cell, which runs over the empty cells beside it: the first
      // column keeps the width of what the tables put in it.
      excelRow.getCell(1).value = {
        richText: [
          { text: `${line.label} `, font: font({ color: GREY }) },
          { text: line.value, font: font({ bold: true }) },
        ],
      }
    } else {
      line.table.columns.forEach((column, index) => {
        const cell = excelRow.getCell(index + 1)
        cell.value = column.label
        cell.font = font({ bold: true })
        cell.fill = HEADER_FILL
        cell.border = { bottom: THIN }
        cell.alignment = { wrapText: true, vertical: 'middle' }
      })
      // A heading longer than its column wraps: its row is made as tall as the lines it takes.
      const height = headerHeight(line.table, widths)
      if (height) excelRow.height = height
    }
    commitRow(excelRow)
  }
  let filter: Omit<SheetFilter, 'index'> | null = null
  if (filtered) {
    const last = columnLetter(filtered.table.columns.length - 1)
    const range = `A${filtered.row}:${last}${filtered.row + filtered.table.rows.length}`
    worksheet.autoFilter = range
    filter = { sheet: worksheet.name, range }
  }
  worksheet.commit()
  return filter
}

function writeRows(
  worksheet: ExcelJS.Worksheet,
  table: ReportTable,
  firstRow: number,
  language: Language,
  widths: { wraps: boolean }[],
): void {
  // Cells that look alike share one style object: exceljs recognises a style it has seen by
  // the object, and otherwise registers every cell's own copy.
  const styles = new Map<string, Partial<ExcelJS.Style>>()
  table.rows.forEach((row, rowIndex) => {
    const excelRow = firstRow + rowIndex
    row.cells.forEach((cell, column) => {
      const target = worksheet.getCell(excelRow, column + 1)
      const value = cellValue(cell)
      const formula = row.formulas?.[column]
      target.value = formula
        ? { formula: formulaText(formula, firstRow, excelRow, column), result: value ?? '' }
        : value
      const format = numberFormat(cell, language)
      const indent = column === 0 && row.depth ? row.depth : 0
      const wraps = cell?.kind === 'text' && (widths[column]?.wraps ?? false)
      const key = `${format ?? ''}|${indent}|${row.style}|${wraps}`
      let style = styles.get(key)
      if (!style) {
        style = cellStyle(format, indent, wraps, row)
        styles.set(key, style)
      }
      target.style = style
    })
    // Written out at once: the rows of a large list are never all held.
    commitRow(worksheet.getRow(excelRow))
  })
}

function cellStyle(
  format: string | null,
  indent: number,
  wraps: boolean,
  row: ReportRow,
): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = { font: FONT }
  if (format) style.numFmt = format
  if (indent || wraps)
    style.alignment = { ...(indent ? { indent } : {}), ...(wraps ? { wrapText: true } : {}) }
  if (row.style === 'item') return style
  style.font = font({ bold: true })
  if (row.style === 'total' || row.style === 'group') style.fill = TOTAL_FILL
  if (row.style === 'total' || row.style === 'subtotal') style.border = { top: THIN }
  return style
}

/** The value Excel stores: money in major units (the format shows the currency). */
function cellValue(cell: Cell): string | number | Date | null {
  if (cell === null) return null
  switch (cell.kind) {
    case 'text':
      return cell.text
    case 'money':
      return cell.minor / 10 ** minorUnits(cell.currency)
    case 'percent':
      return cell.ratio
    case 'number':
    case 'year':
      return cell.value
    case 'rate':
      return Number(cell.rate)
    case 'date':
      return new Date(`${cell.iso}T00:00:00Z`)
  }
}

/** The date format of each language's reports. */
export const REPORT_DATE_FORMAT: Record<Language, string> = {
  fr: 'dd/mm/yyyy',
  en: 'dd mmm yyyy',
}

function numberFormat(cell: Cell, language: Language): string | null {
  if (cell === null) return null
  switch (cell.kind) {
    case 'money':
      return moneyFormat(cell.currency)
    case 'percent':
      return '0.0%'
    case 'number':
      return '#,##0'
    case 'year':
      return '0'
    case 'rate':
      // Every decimal the rate has, and no more.
      return decimalsFormat(cell.rate.split('.')[1]?.length ?? 0)
    case 'date':
      return REPORT_DATE_FORMAT[language]
    default:
      return null
  }
}

function columnLetter(index: number): string {
  let letters = ''
  let n = index + 1
  while (n > 0) {
    const rest = (n - 1) % 26
    letters = String.fromCharCode(65 + rest) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

/**
 * The formula's text in A1 notation, for the cell at `row` (a worksheet row) and `column` (the
 * table's); a sum's rows are the table's, counted from `firstRow`, with runs made ranges.
 */
export function formulaText(
  formula: Formula,
  firstRow: number,
  row: number,
  column: number,
): string {
  const at = (c: number, r: number) => `${columnLetter(c)}${r}`
  switch (formula.op) {
    case 'sum': {
      const rows = [...formula.rows].sort((x, y) => x - y).map((r) => firstRow + r)
      const ranges: string[] = []
      let start = rows[0]
      for (let i = 0; i < rows.length; i += 1) {
        const current = rows[i] as number
        const next = rows[i + 1]
        if (next === current + 1) continue
        const from = start as number
        ranges.push(
          from === current ? at(column, from) : `${at(column, from)}:${at(column, current)}`,
        )
        start = next
      }
      return `SUM(${ranges.join(',') || '0'})`
    }
    case 'rowDifference':
      return `${at(column, firstRow + formula.a)}-${at(column, firstRow + formula.b)}`
    case 'add':
      return formula.columns.map((c) => at(c, row)).join('+')
    case 'subtract':
      return `${at(formula.a, row)}-${at(formula.b, row)}`
    case 'ratio':
      return `IF(${at(formula.b, row)}=0,"",${at(formula.a, row)}/${at(formula.b, row)})`
  }
}

function escapeHeader(text: string): string {
  return text.replace(/&/g, '&&')
}

function generatedLine(report: ReportDocument): string {
  return translate(report.language, 'reporting.generatedOn', {
    date: report.generatedAt.slice(0, 10),
  })
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31)
}
