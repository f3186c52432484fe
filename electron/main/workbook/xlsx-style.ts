import type ExcelJS from 'exceljs'
import { type FontFace, textWidth } from '../reports/font-metrics'
import { type CurrencyCode, minorUnits } from '@shared/money/currencies'

/**
 * The font of every cell the app writes, named in full. exceljs writes a styled cell's font
 * with only what it was given (`<b/>`): LibreOffice then draws it in its own default (Cambria),
 * wider than the column was made for, and figures turn into `###`.
 */
export const FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11, family: 2 }

export function font(style: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { ...FONT, ...style }
}

/** Width of Excel's column unit: one digit of the workbook's font (Calibri 11: 7 px). */
const UNIT_POINTS = 5.25
/** Room for the cell's own margins. */
const CELL_MARGIN = 1.5
/** Room for the drop-down button of a filtered heading. */
export const FILTER_BUTTON = 2.5

/**
 * How many of Excel's column units `text` takes in the workbook's font at `size` points,
 * margins included. Measured with the PDF font's metrics, a little wider than Calibri's and
 * close to Arial's and Liberation Sans': a column sized so holds its text where Calibri is
 * replaced by one of those.
 */
export function columnUnits(text: string, options: { size?: number; bold?: boolean } = {}): number {
  const face: FontFace = options.bold ? 'bold' : 'normal'
  let widest = 0
  for (const line of text.split('\n'))
    widest = Math.max(
      widest,
      textWidth(line.replace(/\u202f/g, '\u00a0'), options.size ?? 11, face),
    )
  return widest / UNIT_POINTS + CELL_MARGIN
}

/** `#,##0.00 "€"`: Excel and LibreOffice show it with the reader's own separators. */
export function moneyFormat(currency: CurrencyCode): string {
  const number = decimalsFormat(minorUnits(currency))
  const symbol = currency === 'EUR' ? '€' : currency
  return `${number} "${symbol}";-${number} "${symbol}"`
}

/** `#,##0` with `digits` decimals: an amount without its currency, a rate. */
export function decimalsFormat(digits: number): string {
  return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`
}

/** A percentage with two decimals, as the registers hold them (`7,00 %`, `20,83 %`). */
export const PERCENT_FORMAT = '0.00%'
