/**
 * The little of XML that reading a workbook's parts needs: attributes, text with its entities,
 * and the namespace prefix a generator gave the SpreadsheetML elements ("x:row" as well as
 * "row"). The parts are machine-written and regular; anything not understood is left out, and
 * a sheet's rows are checked on their own.
 */

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** Text of an element or an attribute, its entities and OOXML's `_xHHHH_` escapes decoded. */
export function decodeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
      if (name.startsWith('#x')) return codePoint(Number.parseInt(name.slice(2), 16)) ?? whole
      if (name.startsWith('#')) return codePoint(Number.parseInt(name.slice(1), 10)) ?? whole
      return ENTITIES[name] ?? whole
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_whole, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    )
}

function codePoint(value: number): string | null {
  return Number.isInteger(value) && value >= 0 && value <= 0x10ffff
    ? String.fromCodePoint(value)
    : null
}

/** An attribute of a start tag: its name, then its value in double or single quotes. */
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

/** The attributes of a start tag's inside (`r="A2" s="3" t="s"`), by name. */
export function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>()
  eachAttribute(tag, (name, value) => attributes.set(name, value))
  return attributes
}

/**
 * Tells each attribute of a start tag's inside, its value decoded: what {@link attributesOf}
 * reads, without a map — a sheet's hundreds of thousands of cells are read this way.
 */
export function eachAttribute(tag: string, take: (name: string, value: string) => void): void {
  ATTRIBUTE.lastIndex = 0
  for (let found = ATTRIBUTE.exec(tag); found; found = ATTRIBUTE.exec(tag)) {
    const name = found[1]
    // The pattern is global and shared: what `take` does must not run it in between.
    const lastIndex = ATTRIBUTE.lastIndex
    if (name) take(name, decodeXml(found[2] ?? found[3] ?? ''))
    ATTRIBUTE.lastIndex = lastIndex
  }
}

/** An attribute whatever namespace prefix it carries (`r:id`, `ns2:id`). */
export function prefixedAttribute(attributes: Map<string, string>, local: string): string | null {
  for (const [name, value] of attributes) {
    const colon = name.indexOf(':')
    if (colon > 0 && name.slice(colon + 1) === local && name.slice(0, colon) !== 'xmlns')
      return value
  }
  return null
}

/** The prefix of a part's root element (`x:` in `<x:worksheet`), or '' without one. */
export function rootPrefix(xml: string, local: string): string {
  const found = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>/]`).exec(xml)
  return found?.[1] ?? ''
}

/** For building patterns: a prefix as a literal. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The text an element holds as a reader sees it: its `<t>` runs joined, phonetic guides
 * (`<rPh>`) left out. `p` is the part's prefix.
 */
export function runsText(xml: string, p: string): string {
  const withoutGuides = xml.includes('rPh')
    ? xml.replace(new RegExp(`<${p}rPh\\b[\\s\\S]*?</${p}rPh>`, 'g'), '')
    : xml
  let text = ''
  for (const [, , content] of withoutGuides.matchAll(
    new RegExp(`<${p}t(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${p}t>)`, 'g'),
  )) {
    text += decodeXml(content ?? '')
  }
  return text
}
