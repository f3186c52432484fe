import { locatedCells } from './csv-cells'
import {
  type InforEuroField,
  type InforEuroRecord,
  inforEuroField,
  inforEuroRates,
} from './inforeuro-records'
import { type ParsedRateFile, rateFileFailure } from './rate-text'

/**
 * InforEuro's monthly table saved as CSV: a header naming the columns (country, currency, ISO
 * code, value…; commas, or semicolons with decimal commas as a French spreadsheet saves it), then
 * one line per country. Only the ISO code, the value and, if present, the month are read.
 */
export function readInforEuroCsv(
  fileName: string,
  lines: readonly string[],
  chosenMonth: string | undefined,
): ParsedRateFile {
  const headerLine = lines[0] ?? ''
  const separator = countOf(headerLine, ';') > countOf(headerLine, ',') ? ';' : ','
  const header = locatedCells(fileName, headerLine, 1, separator)
  const columns = new Map<InforEuroField, number>()
  header.forEach((cell, position) => {
    const field = inforEuroField(cell.text)
    if (field && !columns.has(field)) columns.set(field, position)
  })
  const codeAt = columns.get('code')
  const valueAt = columns.get('value')
  if (codeAt === undefined || valueAt === undefined)
    throw rateFileFailure(fileName, { line: 1, column: 1 }, 'rates.file.unknownKind')
  const monthAt = columns.get('month')
  const records: InforEuroRecord[] = []
  for (let index = 1; index < lines.length; index += 1) {
    const text = lines[index] ?? ''
    if (text.trim() === '') continue
    const line = index + 1
    const cells = locatedCells(fileName, text, line, separator)
    const at = (position: number) => {
      const cell = cells[position]
      return cell
        ? { text: cell.text, line, column: cell.column }
        : { text: '', line, column: text.length + 1 }
    }
    records.push({
      code: at(codeAt),
      value: at(valueAt),
      month: monthAt === undefined ? null : at(monthAt),
    })
  }
  return inforEuroRates(fileName, 'inforeuro-csv', records, chosenMonth)
}

function countOf(text: string, character: string): number {
  return text.split(character).length - 1
}
