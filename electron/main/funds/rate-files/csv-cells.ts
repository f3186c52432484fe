import { MAX_CELLS_PER_LINE, rateFileFailure } from './rate-text'

/** A cell of a CSV line and the 1-based column (character) where it starts. */
export interface Cell {
  text: string
  column: number
}

/** A line split into cells; a quote not closed on its line is reported at the column it opened. */
export type SplitLine = { cells: Cell[] } | { unclosedQuoteAt: number }

/**
 * Splits one CSV line (RFC 4180 quoting, `""` for a quote inside quotes). Rate files never need a
 * line break inside a cell, so a quote left open is a fault of the file, not a multi-line cell.
 */
export function splitCsvLine(line: string, separator: string): SplitLine {
  const cells: Cell[] = []
  let position = 0
  for (;;) {
    const column = position + 1
    if (line[position] === '"') {
      let text = ''
      let at = position + 1
      for (;;) {
        const quote = line.indexOf('"', at)
        if (quote < 0) return { unclosedQuoteAt: column }
        text += line.slice(at, quote)
        if (line[quote + 1] === '"') {
          text += '"'
          at = quote + 2
          continue
        }
        at = quote + 1
        break
      }
      const end = line.indexOf(separator, at)
      // Whatever stands between the closing quote and the separator belongs to the cell.
      text += end < 0 ? line.slice(at) : line.slice(at, end)
      cells.push({ text: text.trim(), column })
      if (end < 0) return { cells }
      position = end + 1
    } else {
      const end = line.indexOf(separator, position)
      const raw = end < 0 ? line.slice(position) : line.slice(position, end)
      cells.push({ text: raw.trim(), column })
      if (end < 0) return { cells }
      position = end + 1
    }
  }
}

/** The cells of a line of a rate file; a quote left open or too many cells refuse the file. */
export function locatedCells(fileName: string, text: string, line: number, separator: string) {
  const split = splitCsvLine(text, separator)
  if ('unclosedQuoteAt' in split)
    throw rateFileFailure(fileName, { line, column: split.unclosedQuoteAt }, 'rates.file.quote')
  if (split.cells.length > MAX_CELLS_PER_LINE)
    throw rateFileFailure(fileName, { line, column: 1 }, 'rates.file.tooManyCells', {
      limit: MAX_CELLS_PER_LINE,
    })
  return split.cells
}
