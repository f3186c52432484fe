import {
  type InforEuroField,
  type InforEuroRecord,
  type Located,
  inforEuroField,
  inforEuroRates,
} from './inforeuro-records'
import { type ParsedRateFile, type Place, rateFileFailure } from './rate-text'

/**
 * InforEuro's monthly table saved as XML: one element per country whose children hold the ISO
 * code (`isoA3Code`), the rate (`value`) and other fields we do not need. Read without an XML
 * library and without entities: a DOCTYPE or an entity declaration (the door to entity bombs
 * and to reading local files) refuses the file; only leaf elements with plain text are read.
 */
export function readInforEuroXml(
  fileName: string,
  text: string,
  chosenMonth: string | undefined,
): ParsedRateFile {
  const placeOf = placer(text)
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(text)
  if (declaration)
    throw rateFileFailure(fileName, placeOf(declaration.index), 'rates.file.xmlDeclaration')
  const records: InforEuroRecord[] = []
  let current: Partial<Record<InforEuroField, Located>> = {}
  let fileMonth: Located | null = null
  const close = (at: number) => {
    if (!current.code && !current.value) return
    if (!current.code || !current.value)
      throw rateFileFailure(fileName, placeOf(at), 'rates.file.xmlIncomplete')
    records.push({ code: current.code, value: current.value, month: current.month ?? fileMonth })
    current = {}
  }
  // A leaf: <name attributes>text</name>, the text without markup.
  const leaf = /<([A-Za-z_][\w.-]{0,60})(?:\s[^<>]*)?>([^<]*)<\/\1\s*>/g
  for (let match = leaf.exec(text); match; match = leaf.exec(text)) {
    const field = inforEuroField(match[1] ?? '')
    if (!field) continue
    const raw = match[2] ?? ''
    const textAt = match.index + match[0].indexOf('>') + 1
    const value: Located = { text: unescape(raw).trim(), ...placeOf(textAt) }
    if (field === 'month' && !current.code && !current.value && records.length === 0) {
      // A month given once, before the first country, holds for the whole file.
      fileMonth = value
      continue
    }
    // A field met again begins the next country.
    if (current[field]) close(match.index)
    current[field] = value
  }
  close(text.length)
  return inforEuroRates(fileName, 'inforeuro-xml', records, chosenMonth)
}

/** The five predefined entities only; anything else stays as written (and fails as a value). */
function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : "'",
  )
}

/** Turns an offset in the text into a 1-based line and column. */
function placer(text: string): (offset: number) => Place {
  const starts = [0]
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1)
  return (offset) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 }
  }
}
