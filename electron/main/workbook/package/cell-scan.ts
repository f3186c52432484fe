import { decodeXml } from './xml-text'

/**
 * A row's cells read by hand rather than by patterns: a sheet of 50,000 rows has half a million
 * cells, and each pattern's match made an array and a string per cell and per attribute — the
 * largest part of what an import allocated (300 MB of its 2.4 GB, measured). What is read is
 * exactly what these patterns read (the tests hold the two side by side):
 *
 * - a cell: `<c(?=[\s>/])([^>]*?)(?:/>|>([\s\S]*?)</c\s*>)`, each from where the last ended;
 * - its attributes: `([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')`, the last of a name kept;
 * - its value: `<v(?:\s[^>]*?)?>([\s\S]*?)</v\s*>` in its content.
 *
 * `\s` is JavaScript's (the XML's four spaces and Unicode's), as the patterns had it.
 */

/** The tags of a part whose elements carry a namespace prefix (`x:c`) or none (`c`). */
export interface CellTags {
  cellOpen: string
  cellClose: string
  valueOpen: string
  valueClose: string
}

export function cellTags(prefix: string): CellTags {
  return {
    cellOpen: `<${prefix}c`,
    cellClose: `</${prefix}c`,
    valueOpen: `<${prefix}v`,
    valueClose: `</${prefix}v`,
  }
}

/** Where a cell lies in its row's XML: its tag's attributes, its content, and its end. */
export interface CellSpan {
  attributesStart: number
  attributesEnd: number
  /** -1 for a cell without content (`<c r="A1"/>`). */
  contentStart: number
  contentEnd: number
  end: number
  /** From here on, the row holds no cell's end (`xml.length` until found). */
  noEndFrom: number
  /**
   * The first `>` after the last cell tag searched: a later `<c` before it ends its tag there
   * too (`<c <c <c …>` is searched once, not once per `<c`).
   */
  tagEndAhead: number
}

const GT = 62
const SLASH = 47
const EQUALS = 61
const DOUBLE_QUOTE = 34
const SINGLE_QUOTE = 39
const AMPERSAND = 38
const UNDERSCORE = 95

/** JavaScript's `\s`. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/** `[\w:.-]`. */
function isNameCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 58) ||
    code === UNDERSCORE ||
    code === 46 ||
    code === 45
  )
}

/**
 * Where the closing tag `close` (followed by spaces, then `>`) found first from `from` starts
 * and ends, within `to`; [-1, -1] without one.
 */
function closingTag(xml: string, close: string, from: number, to: number): [number, number] {
  for (let at = xml.indexOf(close, from); at >= 0 && at < to; at = xml.indexOf(close, at + 1)) {
    let k = at + close.length
    while (k < to && isSpace(xml.charCodeAt(k))) k += 1
    if (k < to && xml.charCodeAt(k) === GT) return [at, k + 1]
  }
  return [-1, -1]
}

/**
 * The next cell of a row's XML from `from`, put in `span` (its `noEndFrom` set to the row's
 * length before its first cell); false when there is none.
 */
export function nextCell(xml: string, tags: CellTags, from: number, span: CellSpan): boolean {
  const open = tags.cellOpen
  for (let start = xml.indexOf(open, from); start >= 0; start = xml.indexOf(open, start + 1)) {
    const attributesStart = start + open.length
    const next = xml.charCodeAt(attributesStart)
    if (!(next === GT || next === SLASH || isSpace(next))) continue
    const tagEnd =
      span.tagEndAhead >= attributesStart ? span.tagEndAhead : xml.indexOf('>', attributesStart)
    if (tagEnd < 0) return false
    span.tagEndAhead = tagEnd
    span.attributesStart = attributesStart
    if (tagEnd > attributesStart && xml.charCodeAt(tagEnd - 1) === SLASH) {
      span.attributesEnd = tagEnd - 1
      span.contentStart = -1
      span.contentEnd = -1
      span.end = tagEnd + 1
      return true
    }
    // No end after this cell's tag is none after any later one either: only cells without
    // content can follow (searching again from each later `<c` would take the row's length
    // each time).
    if (tagEnd >= span.noEndFrom) continue
    const [closeStart, closeEnd] = closingTag(xml, tags.cellClose, tagEnd + 1, xml.length)
    if (closeStart < 0) {
      span.noEndFrom = tagEnd
      continue
    }
    span.attributesEnd = tagEnd
    span.contentStart = tagEnd + 1
    span.contentEnd = closeStart
    span.end = closeEnd
    return true
  }
  return false
}

/** A span to read a row's cells into, from its start. */
export function rowStart(xml: string): CellSpan {
  return {
    attributesStart: 0,
    attributesEnd: 0,
    contentStart: -1,
    contentEnd: -1,
    end: 0,
    noEndFrom: xml.length,
    tagEndAhead: -1,
  }
}

/** Spans to read a cell's attributes into (see {@link cellAttributeSpans}). */
export function noAttributes(): CellAttributeSpans {
  return { rStart: -1, rEnd: -1, sStart: -1, sEnd: -1, tStart: -1, tEnd: -1 }
}

/** Where the attributes a cell's reading uses lie (the last of each name; -1 without it). */
export interface CellAttributeSpans {
  rStart: number
  rEnd: number
  sStart: number
  sEnd: number
  tStart: number
  tEnd: number
}

/** Finds a cell's `r`, `s` and `t` attributes between `from` and `to` of its row's XML. */
export function cellAttributeSpans(
  xml: string,
  from: number,
  to: number,
  spans: CellAttributeSpans,
): void {
  spans.rStart = spans.rEnd = spans.sStart = spans.sEnd = spans.tStart = spans.tEnd = -1
  let at = from
  while (at < to) {
    if (!isNameCharacter(xml.charCodeAt(at))) {
      at += 1
      continue
    }
    const nameStart = at
    while (at < to && isNameCharacter(xml.charCodeAt(at))) at += 1
    // A name not followed by `="…"` matches nowhere in it: the search goes on after it.
    const nameEnd = at
    let k = nameEnd
    while (k < to && isSpace(xml.charCodeAt(k))) k += 1
    if (k >= to || xml.charCodeAt(k) !== EQUALS) continue
    k += 1
    while (k < to && isSpace(xml.charCodeAt(k))) k += 1
    const quote = k < to ? xml.charCodeAt(k) : 0
    if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) continue
    const valueEnd = xml.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", k + 1)
    if (valueEnd < 0 || valueEnd >= to) continue
    if (nameEnd - nameStart === 1) {
      const name = xml.charCodeAt(nameStart)
      if (name === 114) {
        spans.rStart = k + 1
        spans.rEnd = valueEnd
      } else if (name === 115) {
        spans.sStart = k + 1
        spans.sEnd = valueEnd
      } else if (name === 116) {
        spans.tStart = k + 1
        spans.tEnd = valueEnd
      }
    }
    at = valueEnd + 1
  }
}

/** Whether the text between `from` and `to` holds an entity or an `_xHHHH_` escape. */
function needsDecoding(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const code = xml.charCodeAt(i)
    if (code === AMPERSAND || (code === UNDERSCORE && xml.charCodeAt(i + 1) === 120)) return true
  }
  return false
}

/** An attribute's value, decoded. */
function attributeText(xml: string, from: number, to: number): string {
  return decodeXml(xml.slice(from, to))
}

/** The column of a cell reference ("AB12" → 28; 0 when it starts with no letter). */
export function columnNumber(reference: string, from = 0, to = reference.length): number {
  let column = 0
  for (let i = from; i < to; i += 1) {
    const lower = reference.charCodeAt(i)
    // a–z read as A–Z.
    const code = lower >= 97 && lower <= 122 ? lower - 32 : lower
    if (code < 65 || code > 90) break
    column = column * 26 + (code - 64)
  }
  return column
}

/** The column an `r` attribute names, read in place unless it must be decoded first. */
export function referenceColumn(xml: string, from: number, to: number): number {
  return needsDecoding(xml, from, to)
    ? columnNumber(attributeText(xml, from, to))
    : columnNumber(xml, from, to)
}

/** The style an `s` attribute names, as `Number()` reads it; plain digits read in place. */
export function styleIndex(xml: string, from: number, to: number): number {
  if (from < 0) return 0
  if (to > from && to - from < 10) {
    let index = 0
    for (let i = from; i < to; i += 1) {
      const digit = xml.charCodeAt(i) - 48
      if (digit < 0 || digit > 9) return Number(attributeText(xml, from, to))
      index = index * 10 + digit
    }
    return index
  }
  return Number(attributeText(xml, from, to))
}

const CELL_TYPES = ['s', 'str', 'inlineStr', 'b', 'e', 'n', 'd'] as const

/** A `t` attribute's value: one of OOXML's types found in place, any other text decoded. */
export function cellType(xml: string, from: number, to: number): string {
  if (from < 0) return 'n'
  for (const type of CELL_TYPES) {
    if (type.length === to - from && xml.startsWith(type, from)) return type
  }
  return attributeText(xml, from, to)
}

/** The raw text of a cell's `<v>` in its content, or undefined without one. */
export function valueText(content: string, tags: CellTags): string | undefined {
  const open = tags.valueOpen
  for (let start = content.indexOf(open); start >= 0; start = content.indexOf(open, start + 1)) {
    const next = start + open.length
    const code = content.charCodeAt(next)
    let textStart: number
    if (code === GT) textStart = next + 1
    else if (isSpace(code)) {
      const tagEnd = content.indexOf('>', next)
      if (tagEnd < 0) return undefined
      textStart = tagEnd + 1
    } else continue
    // Without an end from here, a later `<v` has none either.
    const [closeStart] = closingTag(content, tags.valueClose, textStart, content.length)
    return closeStart < 0 ? undefined : content.slice(textStart, closeStart)
  }
  return undefined
}
