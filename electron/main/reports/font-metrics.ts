import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** The faces of the PDF font, as pdfmake names them. */
export type FontFace = 'normal' | 'bold' | 'italics' | 'bolditalics'

/** A font's advance widths, read from its TrueType file. */
interface FontMetrics {
  unitsPerEm: number
  /** Advance widths (font units) of the Basic Multilingual Plane, filled as first measured. */
  advances: Int32Array
  advanceOf: (codePoint: number) => number
}

// The same descriptor the PDF worker loads (pdfmake's Roboto), resolved at run time.
const resolveCommonJs = createRequire(import.meta.url)
const loaded = new Map<FontFace, FontMetrics>()
const KERNING_ALLOWANCE = 1.03

/**
 * How wide `text` is drawn in the PDF font at `size` points, on one line, or a little more —
 * the safe side for sizing a column. The sum of the glyphs' advance widths, with an allowance
 * for the font's kerning, which pdfmake applies: most pairs come closer (AV, P.), a few move
 * apart (rt in italics: up to 4 % of a short word).
 */
export function textWidth(text: string, size: number, face: FontFace = 'normal'): number {
  const font = metricsOf(face)
  let units = 0
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i)
    // A pair of surrogates is one character outside the plane, measured without the cache.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      units += font.advanceOf(text.codePointAt(i) ?? 0)
      i += 1
      continue
    }
    let advance = font.advances[code] ?? 0
    if (advance < 0) {
      advance = font.advanceOf(code)
      font.advances[code] = advance
    }
    units += advance
  }
  return ((units * size) / font.unitsPerEm) * KERNING_ALLOWANCE + 0.05 * size
}

function metricsOf(face: FontFace): FontMetrics {
  let metrics = loaded.get(face)
  if (!metrics) {
    const fonts = resolveCommonJs('pdfmake/fonts/Roboto.js') as {
      Roboto: Record<FontFace, string>
    }
    metrics = readMetrics(readFileSync(fonts.Roboto[face]))
    loaded.set(face, metrics)
  }
  return metrics
}

/**
 * The parts of a TrueType file that give advance widths: `head` (units per em), `hhea` (how
 * many glyphs have their own advance), `hmtx` (the advances) and `cmap` (characters to glyphs,
 * from its Unicode subtable: format 12, or format 4 for the Basic Multilingual Plane).
 */
export function readMetrics(file: Buffer): FontMetrics {
  const tables = new Map<string, number>()
  const count = file.readUInt16BE(4)
  for (let i = 0; i < count; i += 1) {
    const record = 12 + i * 16
    tables.set(file.toString('latin1', record, record + 4), file.readUInt32BE(record + 8))
  }
  const table = (tag: string) => {
    const offset = tables.get(tag)
    if (offset === undefined) throw new Error(`Font without a ${tag} table`)
    return offset
  }
  const unitsPerEm = file.readUInt16BE(table('head') + 18)
  const metricsCount = file.readUInt16BE(table('hhea') + 34)
  const hmtx = table('hmtx')
  const advanceOfGlyph = (glyph: number) =>
    file.readUInt16BE(hmtx + 4 * Math.min(glyph, metricsCount - 1))
  const glyphOf = characterMap(file, table('cmap'))
  return {
    unitsPerEm,
    advances: new Int32Array(0x10000).fill(-1),
    advanceOf: (codePoint) => advanceOfGlyph(glyphOf(codePoint)),
  }
}

/** The glyph of a code point, from the font's Unicode character map (0: no glyph). */
function characterMap(file: Buffer, cmap: number): (codePoint: number) => number {
  const subtables = file.readUInt16BE(cmap + 2)
  let format4: number | null = null
  for (let i = 0; i < subtables; i += 1) {
    const record = cmap + 4 + i * 8
    const platform = file.readUInt16BE(record)
    const encoding = file.readUInt16BE(record + 2)
    const offset = cmap + file.readUInt32BE(record + 4)
    const format = file.readUInt16BE(offset)
    if (format === 12 && (platform === 3 || platform === 0)) return format12(file, offset)
    if (format === 4 && (platform === 3 || platform === 0) && encoding !== 0) format4 ??= offset
  }
  if (format4 === null) throw new Error('Font without a Unicode character map')
  return format4Map(file, format4)
}

function format12(file: Buffer, offset: number): (codePoint: number) => number {
  const groups = file.readUInt32BE(offset + 12)
  return (codePoint) => {
    let low = 0
    let high = groups - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const group = offset + 16 + middle * 12
      if (codePoint < file.readUInt32BE(group)) high = middle - 1
      else if (codePoint > file.readUInt32BE(group + 4)) low = middle + 1
      else return file.readUInt32BE(group + 8) + codePoint - file.readUInt32BE(group)
    }
    return 0
  }
}

function format4Map(file: Buffer, offset: number): (codePoint: number) => number {
  const segments = file.readUInt16BE(offset + 6) / 2
  const ends = offset + 14
  const starts = ends + segments * 2 + 2
  const deltas = starts + segments * 2
  const rangeOffsets = deltas + segments * 2
  return (codePoint) => {
    if (codePoint > 0xffff) return 0
    for (let i = 0; i < segments; i += 1) {
      if (codePoint > file.readUInt16BE(ends + i * 2)) continue
      const start = file.readUInt16BE(starts + i * 2)
      if (codePoint < start) return 0
      const delta = file.readInt16BE(deltas + i * 2)
      const rangeOffset = file.readUInt16BE(rangeOffsets + i * 2)
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff
      const glyph = file.readUInt16BE(rangeOffsets + i * 2 + rangeOffset + (codePoint - start) * 2)
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff
    }
    return 0
  }
}
