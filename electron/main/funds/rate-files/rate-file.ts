import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppFailure } from '../../failure'
import { readEcbCsv } from './ecb-csv'
import { readInforEuroCsv } from './inforeuro-csv'
import { readInforEuroXml } from './inforeuro-xml'
import {
  MAX_RATE_FILE_BYTES,
  MAX_RATE_LINES,
  type ParsedRateFile,
  decodeRateFile,
  rateFileFailure,
  splitLines,
} from './rate-text'

/**
 * Reads a rate file as published, whichever it is: the ECB's reference rates (CSV, header
 * `Date,USD,…`), or InforEuro's monthly table saved as XML or CSV. Nothing is written here: a
 * file refused is refused whole, with the file, line and column of its first fault.
 */
export async function readRateFile(
  path: string,
  chosenMonth: string | undefined,
): Promise<ParsedRateFile> {
  const fileName = basename(path)
  const size = await stat(path).then(
    (info) => (info.isFile() ? info.size : -1),
    () => -1,
  )
  if (size < 0) throw new AppFailure('FILE_NOT_FOUND', 'rates.file.unreadable', { file: fileName })
  if (size > MAX_RATE_FILE_BYTES)
    throw new AppFailure('VALIDATION', 'rates.file.tooLarge', {
      file: fileName,
      limit: MAX_RATE_FILE_BYTES / 1024 / 1024,
    })
  return parseRateFile(fileName, await readFile(path), chosenMonth)
}

export function parseRateFile(
  fileName: string,
  bytes: Uint8Array,
  chosenMonth: string | undefined,
): ParsedRateFile {
  const text = decodeRateFile(bytes)
  if (text.includes('\u0000'))
    throw rateFileFailure(fileName, { line: 1, column: 1 }, 'rates.file.binary')
  if (text.trimStart().startsWith('<')) return readInforEuroXml(fileName, text, chosenMonth)
  const lines = splitLines(text)
  if (lines.length > MAX_RATE_LINES)
    throw rateFileFailure(fileName, { line: MAX_RATE_LINES + 1, column: 1 }, 'rates.file.tooLong', {
      limit: MAX_RATE_LINES,
    })
  // The ECB's header is `Date` then currency codes; InforEuro's names its columns.
  const [first = '', second = ''] = (lines[0] ?? '').split(',').map((cell) => cell.trim())
  if (first.toLowerCase() === 'date' && /^[A-Z]{3}$/.test(second))
    return readEcbCsv(fileName, lines)
  return readInforEuroCsv(fileName, lines, chosenMonth)
}
