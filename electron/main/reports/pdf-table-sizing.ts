import { type FontFace, textWidth } from './font-metrics'

/**
 * The widths of a PDF table's columns, computed from what its cells hold as the font draws it
 * and from the padding of the table's layout, so that a table always fits its page: every
 * report, the fiche projet and the letters size their tables here. pdfmake takes numeric
 * widths as given, padding excluded — widths that leave no room for the padding draw the last
 * columns past the page's edge — and its own 'auto' widths overflow too when the widest words
 * do not fit.
 */

/** A cell's text as the sizing sees it. */
export interface SizingText {
  text: string
  face?: FontFace
  /** Its own size in points; the table's otherwise. */
  size?: number
  /** The cell's left margin (an indented budget line). */
  indent?: number
  /** Kept on one line (an amount, a date): the cell must be drawn with `noWrap` too. */
  noWrap?: boolean
}

export interface SizingColumn {
  texts: SizingText[]
  /** A drawn column (a progress bar): this width in points, whatever the font size. */
  fixed?: number
}

/** The padding of a pdfmake table layout, left and right of column `i` of `count`. */
export interface TablePadding {
  left: (i: number, count: number) => number
  right: (i: number, count: number) => number
}

/** pdfmake's `lightHorizontalLines`: 8 pt each side of a cell, none at the table's edges. */
export const LIGHT_LINES: TablePadding = {
  left: (i) => (i === 0 ? 0 : 8),
  right: (i, count) => (i === count - 1 ? 0 : 8),
}

/** pdfmake's `noBorders`: 4 pt each side of a cell, none at the table's edges. */
export const NO_BORDERS: TablePadding = {
  left: (i) => (i === 0 ? 0 : 4),
  right: (i, count) => (i === count - 1 ? 0 : 4),
}

export interface FittedTable {
  /** Each column's width in points, padding excluded (what pdfmake's `widths` wants). */
  widths: number[]
  fontSize: number
  /** Columns whose words are longer than the column: to be drawn with `wordBreak: 'break-all'`. */
  breakAll: boolean[]
}

/** A text column is not squeezed narrower than this many ems while the table can be wider. */
const READABLE_EMS = 10

interface Needs {
  /** Narrowest readable width; `hardMin`: its widest word (or unbreakable line). */
  min: number
  hardMin: number
  /** Everything on one line. */
  max: number
  wraps: boolean
  fixed: boolean
}

/**
 * The widths for `columns` in `available` points at the first of `sizes` (largest first) at
 * which they fit — first without squeezing text columns below a readable width, then down to
 * their widest word. Where even that does not fit at the smallest size, long words are broken
 * (never drawn past the edge).
 */
export function fitTable(
  columns: SizingColumn[],
  available: number,
  sizes: readonly number[],
  padding: TablePadding = LIGHT_LINES,
): FittedTable {
  const room = available - paddingOf(columns.length, padding)
  for (const soft of [true, false]) {
    for (const size of sizes) {
      const needs = columns.map((column) => needsOf(column, size))
      const widths = distribute(needs, room, soft)
      if (widths) return { widths, fontSize: size, breakAll: columns.map(() => false) }
    }
  }
  // Last resort: text columns may break inside words; if the figures alone are too wide, every
  // column but the drawings shrinks in proportion and breaks.
  const size = sizes.at(-1) ?? 6
  const needs = columns.map((column) => needsOf(column, size))
  const shrunk = needs.map((need) =>
    need.wraps && !need.fixed ? { ...need, hardMin: Math.min(need.hardMin, 4 * size) } : need,
  )
  const drawn = needs.reduce((sum, need) => sum + (need.fixed ? need.hardMin : 0), 0)
  const rest = needs.reduce((sum, need) => sum + (need.fixed ? 0 : need.hardMin), 0)
  // Columns with nothing to show (rest 0) share what is left equally.
  const texts = needs.filter((need) => !need.fixed).length
  const left = Math.max(0, room - drawn)
  const widths =
    distribute(shrunk, room, false) ??
    needs.map((need) =>
      need.fixed ? need.hardMin : rest > 0 ? (need.hardMin / rest) * left : left / texts,
    )
  return {
    widths,
    fontSize: size,
    // Any real shortfall breaks: a hundredth of a point short still draws the last glyph past the
    // column (the property test found a 0.006 pt one); 1e-6 only absorbs float noise.
    breakAll: widths.map((width, i) => width < (needs[i]?.hardMin ?? 0) - 1e-6),
  }
}

/** Whether `columns` fit in `available` points at `size` without squeezing text columns. */
export function fitsAt(
  columns: SizingColumn[],
  available: number,
  size: number,
  padding: TablePadding = LIGHT_LINES,
): boolean {
  const room = available - paddingOf(columns.length, padding)
  return (
    distribute(
      columns.map((column) => needsOf(column, size)),
      room,
      true,
    ) !== null
  )
}

function paddingOf(count: number, padding: TablePadding): number {
  let total = 0
  for (let i = 0; i < count; i += 1) total += padding.left(i, count) + padding.right(i, count)
  return total
}

/** A cell's widths at 1 pt (they grow in proportion with the size), or at its own size. */
interface Measured {
  max: number
  hardMin: number
  /** The cell's own size: its widths do not follow the table's. */
  ownSize: boolean
  indent: number
  wraps: boolean
}

// Each column's cells measured once, whatever the sizes a table is tried at.
const measuredColumns = new WeakMap<SizingColumn, Measured[]>()

function measure(column: SizingColumn): Measured[] {
  let measured = measuredColumns.get(column)
  if (!measured) {
    measured = column.texts.map((cell) => {
      const at = cell.size ?? 1
      const face = cell.face ?? 'normal'
      let max = 0
      let hardMin = 0
      let wraps = false
      for (const line of cell.text.split('\n')) {
        const whole = textWidth(line, at, face)
        max = Math.max(max, whole)
        if (cell.noWrap) {
          hardMin = Math.max(hardMin, whole)
          continue
        }
        const words = unbreakable(line)
        if (words.length > 1) wraps = true
        for (const word of words)
          hardMin = Math.max(hardMin, words.length === 1 ? whole : textWidth(word, at, face))
      }
      return { max, hardMin, ownSize: cell.size !== undefined, indent: cell.indent ?? 0, wraps }
    })
    measuredColumns.set(column, measured)
  }
  return measured
}

function needsOf(column: SizingColumn, size: number): Needs {
  if (column.fixed !== undefined) {
    const width = column.fixed
    return { min: width, hardMin: width, max: width, wraps: false, fixed: true }
  }
  let hardMin = 0
  let max = 0
  let wraps = false
  for (const cell of measure(column)) {
    const scale = cell.ownSize ? 1 : size
    max = Math.max(max, cell.max * scale + cell.indent)
    hardMin = Math.max(hardMin, cell.hardMin * scale + cell.indent)
    wraps ||= cell.wraps
  }
  const min = wraps ? Math.max(hardMin, Math.min(max, READABLE_EMS * size)) : hardMin
  return { min, hardMin, max, wraps, fixed: false }
}

/**
 * The pieces of a line the text may not be broken inside. pdfmake breaks lines by the Unicode
 * line-breaking rules: at spaces, but never before closing punctuation (« Total : », « 7 % »)
 * nor after an opening one (« ( a »), and at some hyphens and slashes. Here only at a space
 * followed by a letter or a digit and not following an opening bracket or quote: pieces as
 * long as pdfmake's or longer, so a column never turns out narrower than a word.
 */
export function unbreakable(line: string): string[] {
  if (!line.includes(' ')) return line ? [line] : []
  const pieces: string[] = []
  let current = ''
  for (let i = 0; i < line.length; i += 1) {
    const character = line[i] as string
    const next = line[i + 1] ?? ''
    current += character
    if (character === ' ' && /[\p{L}\p{N}]/u.test(next) && !/(^|[([{«¡¿])\s*$/u.test(current)) {
      pieces.push(current.trimEnd())
      current = ''
    }
  }
  if (current.trim()) pieces.push(current.trimEnd())
  return pieces
}

/**
 * Shares `room` between columns as a browser lays out an automatic table: each gets its
 * minimum, and what is left goes in proportion to how much more each would take on one line;
 * when everything fits on one line, the rest widens the text columns. Null when the minimums
 * do not fit.
 */
function distribute(needs: Needs[], room: number, soft: boolean): number[] | null {
  const mins = needs.map((need) => (soft ? need.min : need.hardMin))
  const totalMin = mins.reduce((sum, width) => sum + width, 0)
  if (totalMin > room) return null
  const totalMax = needs.reduce((sum, need, i) => sum + Math.max(need.max, mins[i] ?? 0), 0)
  if (totalMax <= room) {
    const growing = needs.some((need) => need.wraps)
      ? needs.map((need) => need.wraps)
      : needs.map((need) => !need.fixed)
    const base = needs.reduce((sum, need, i) => sum + (growing[i] ? need.max : 0), 0)
    const extra = room - totalMax
    return needs.map((need, i) => {
      const width = Math.max(need.max, mins[i] ?? 0)
      if (!growing[i]) return width
      const count = growing.filter(Boolean).length
      return width + (base > 0 ? (extra * need.max) / base : extra / count)
    })
  }
  const stretch = (room - totalMin) / (totalMax - totalMin)
  return needs.map((need, i) => {
    const min = mins[i] ?? 0
    return min + (Math.max(need.max, min) - min) * stretch
  })
}
