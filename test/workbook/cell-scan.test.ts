import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  cellAttributeSpans,
  cellTags,
  cellType,
  columnNumber,
  nextCell,
  noAttributes,
  referenceColumn,
  rowStart,
  styleIndex,
  valueText,
} from '../../electron/main/workbook/package/cell-scan'
import { decodeXml, escapeRegExp } from '../../electron/main/workbook/package/xml-text'

/**
 * The patterns the sheet reader used before it read cells by hand: the hand-written scanner must
 * find exactly what they found, in well-formed rows and in any soup of their pieces.
 */
function byPatterns(xml: string, prefix: string) {
  const p = escapeRegExp(prefix)
  const cell = new RegExp(`<${p}c(?=[\\s>/])([^>]*?)(?:/>|>([\\s\\S]*?)</${p}c\\s*>)`, 'g')
  const value = new RegExp(`<${p}v(?:\\s[^>]*?)?>([\\s\\S]*?)</${p}v\\s*>`)
  const attribute = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
  const cells = []
  for (let found = cell.exec(xml); found; found = cell.exec(xml)) {
    const attributes = new Map<string, string>()
    const tag = found[1] ?? ''
    for (const [, name = '', double, single] of tag.matchAll(attribute))
      attributes.set(name, decodeXml(double ?? single ?? ''))
    const r = attributes.get('r')
    cells.push({
      tag,
      content: found[2] ?? null,
      end: cell.lastIndex,
      column: r ? columnNumber(r) : 0,
      style: Number(attributes.get('s') ?? 0),
      type: attributes.get('t') ?? 'n',
      value: found[2] === undefined ? undefined : value.exec(found[2])?.[1],
    })
  }
  return cells
}

function byHand(xml: string, prefix: string) {
  const tags = cellTags(prefix)
  const span = rowStart(xml)
  const spans = noAttributes()
  const cells = []
  for (let at = 0; nextCell(xml, tags, at, span); at = span.end) {
    cellAttributeSpans(xml, span.attributesStart, span.attributesEnd, spans)
    const content = span.contentStart < 0 ? null : xml.slice(span.contentStart, span.contentEnd)
    cells.push({
      tag: xml.slice(span.attributesStart, span.attributesEnd),
      content,
      end: span.end,
      column: spans.rStart < 0 ? 0 : referenceColumn(xml, spans.rStart, spans.rEnd),
      style: styleIndex(xml, spans.sStart, spans.sEnd),
      type: cellType(xml, spans.tStart, spans.tEnd),
      value: content === null ? undefined : valueText(content, tags),
    })
  }
  return cells
}

const PIECES = [
  '<c',
  '<x:c',
  '<c ',
  '<col',
  '<cx',
  ' r="B12"',
  " r='AA3'",
  ' r=""',
  ' r="12"',
  ' r = "c7"',
  ' r="&#65;B1"',
  ' r="_x0041_1"',
  ' s="3"',
  " s='12'",
  ' s="007"',
  ' s=" 4"',
  ' s="x"',
  ' s="12345678901"',
  ' s=""',
  ' t="s"',
  ' t="str"',
  " t='inlineStr'",
  ' t="b"',
  ' t="e"',
  ' t="d"',
  ' t="n"',
  ' t="&#115;"',
  ' t="sx"',
  ' x:r="Z9"',
  ' x.r="C3"',
  ' r-x="D4"',
  ' rr="A1"',
  ' r="A1',
  ' r=A1',
  ' ab c="1"',
  '>',
  '/>',
  ' />',
  '</c>',
  '</c >',
  '</x:c>',
  '</cx>',
  '<v>',
  '<v >',
  '<v a=">">',
  '<vm>',
  '</v>',
  '</v\t>',
  '</vx>',
  '<f>SUM(A1)</f>',
  '<is><t>texte</t></is>',
  '42',
  '-1.5e3',
  'Personnel — pièce 144',
  '&amp;',
  '&lt;',
  '_x000D_',
  '"',
  "'",
  '=',
  '\u00a0',
  '\u2003',
  '\t',
  '\n',
  ' ',
  'r',
  's',
  't',
  '_',
  'x',
]

const soup = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 60 })
  .map((pieces) => pieces.join(''))

const SPACES = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u1680',
  '\u2003',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\u200b',
]
const pieces = (from: readonly string[], maxLength: number) =>
  fc.array(fc.constantFrom(...from), { maxLength }).map((chosen) => chosen.join(''))

/** Cell-shaped soup: each part of a cell drawn among right and wrong pieces. */
const cellSoup = fc
  .array(
    fc.tuple(
      fc.constantFrom('<c', '<x:c', '<col', '<cx', '<c', 'c'),
      fc.constantFrom('', '/', '>', ...SPACES),
      pieces([...PIECES.filter((piece) => piece.startsWith(' ')), ...SPACES, '=', '"', 'r'], 4),
      fc.constantFrom('>', '/>', ' />', '', '>>', '/ >'),
      pieces(
        [
          '<v>',
          '<v a="1">',
          `<v${SPACES[4]}>`,
          '</v>',
          `</v${SPACES[9]}>`,
          '</vx>',
          '12',
          '&amp;',
          '<f/>',
        ],
        4,
      ),
      fc.constantFrom(
        '</c>',
        '</c >',
        `</c${SPACES[4]}>`,
        `</c${SPACES[2]}>`,
        '</x:c>',
        '</cx>',
        '',
        '</c',
      ),
    ),
    { maxLength: 8 },
  )
  .map((cells) => cells.map((parts) => parts.join('')).join(''))

const wellFormedCell = fc
  .record({
    column: fc.constantFrom('A', 'B', 'Z', 'AA', 'XFD', ''),
    row: fc.integer({ min: 1, max: 1_048_576 }),
    style: fc.option(fc.integer({ min: 0, max: 200 })),
    type: fc.option(fc.constantFrom('s', 'str', 'inlineStr', 'b', 'e', 'n', 'd')),
    value: fc.option(fc.string({ maxLength: 20 }).map((text) => text.replace(/[<&]/g, '.'))),
    quote: fc.constantFrom('"', "'"),
  })
  .map(({ column, row, style, type, value, quote }) => {
    const attribute = (name: string, text: string) => ` ${name}=${quote}${text}${quote}`
    const tag =
      (column ? attribute('r', `${column}${row}`) : '') +
      (style === null ? '' : attribute('s', String(style))) +
      (type === null ? '' : attribute('t', type))
    return value === null ? `<c${tag}/>` : `<c${tag}><v>${value}</v></c>`
  })

describe('a row’s cells read by hand', () => {
  it('finds in well-formed rows what the patterns found', () => {
    fc.assert(
      fc.property(fc.array(wellFormedCell, { maxLength: 30 }), (cells) => {
        const xml = cells.join('')
        expect(byHand(xml, '')).toEqual(byPatterns(xml, ''))
      }),
      { numRuns: 2000 },
    )
  })

  it('finds in any soup of a row’s pieces what the patterns found, with or without a prefix', () => {
    fc.assert(
      fc.property(soup, fc.constantFrom('', 'x:'), (xml, prefix) => {
        expect(byHand(xml, prefix)).toEqual(byPatterns(xml, prefix))
      }),
      { numRuns: 20_000 },
    )
    fc.assert(
      fc.property(cellSoup, fc.constantFrom('', 'x:'), (xml, prefix) => {
        expect(byHand(xml, prefix)).toEqual(byPatterns(xml, prefix))
      }),
      { numRuns: 20_000 },
    )
  })

  it('reads a row of many cells never closed as the patterns do, without searching it again per cell', () => {
    // Each `<c` searched to the row's end for its `</c>` would be 10^10 steps here.
    const xml = `<c r="A1"><v>1</v></c>${'<c r="A1"><is><t>x</t></is>'.repeat(20_000)}`
    expect(byHand(xml, '')).toEqual(byPatterns(xml.slice(0, 100), ''))
    expect(byHand(xml, '')).toHaveLength(1)
    // Nor each `<c` of a cell never closed searched again for the same `>`.
    const opened = (times: number) => `${'<c '.repeat(times)}r="A1"><v>1</v>`
    expect(byHand(opened(300), '')).toEqual(byPatterns(opened(300), ''))
    expect(byHand(opened(200_000), '')).toEqual([])
  })
})
