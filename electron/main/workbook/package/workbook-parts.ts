import { PackageRefusal, type ZipPackage } from './zip-package'
import {
  attributesOf,
  escapeRegExp,
  prefixedAttribute,
  rootPrefix,
  runsText,
  decodeXml,
} from './xml-text'

/** A sheet the workbook lists: its name, its part (null when the package lacks it), its state. */
export interface ListedSheet {
  name: string
  part: string | null
  /** Hidden sheets (the template's lists) are not registers a person fills in. */
  hidden: boolean
}

/** How a cell's number is shown, which says what it is: a date, a percentage, or a number. */
export type NumberStyle = 'date' | 'percent' | 'number'

/** What is needed to read the cells of the workbook's sheets. */
export interface WorkbookParts {
  sheets: ListedSheet[]
  sharedStrings: string[]
  /** Each cell style's number style, by style index (`s="3"`). */
  styles: NumberStyle[]
  /** A workbook of the 1904 date system counts its days from 1 January 1904. */
  date1904: boolean
}

const OFFICE_DOCUMENT = /\/officeDocument$/

/** Reads the workbook part, its relations, its shared strings and its number formats. */
export function readWorkbookParts(zip: ZipPackage): WorkbookParts {
  const workbookPart = officeDocument(zip)
  if (!workbookPart || !zip.has(workbookPart)) throw new PackageRefusal('notZip')
  const xml = zip.text(workbookPart)
  const p = escapeRegExp(rootPrefix(xml, 'workbook'))
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1)
  const relations = relationsOf(zip, workbookPart, folder)
  const sheets: ListedSheet[] = []
  for (const [, tag = ''] of xml.matchAll(new RegExp(`<${p}sheet\\b([^>]*)>`, 'g'))) {
    const attributes = attributesOf(tag)
    const name = attributes.get('name')
    if (!name) continue
    const target = relations.get(prefixedAttribute(attributes, 'id') ?? '')?.target ?? null
    sheets.push({
      name,
      part: target && zip.has(target) ? target : null,
      hidden: (attributes.get('state') ?? 'visible') !== 'visible',
    })
  }
  const workbookPr = new RegExp(`<${p}workbookPr\\b([^>]*)>`).exec(xml)?.[1] ?? ''
  const date1904 = ['1', 'true'].includes(attributesOf(workbookPr).get('date1904') ?? '')
  const partOf = (type: string) =>
    [...relations.values()].find((r) => r.type.endsWith(`/${type}`))?.target ?? null
  const sharedStringsPart = partOf('sharedStrings')
  const stylesPart = partOf('styles')
  return {
    sheets,
    sharedStrings:
      sharedStringsPart && zip.has(sharedStringsPart)
        ? readSharedStrings(zip.text(sharedStringsPart))
        : [],
    styles: stylesPart && zip.has(stylesPart) ? readStyles(zip.text(stylesPart)) : [],
    date1904,
  }
}

/** The workbook's part, as the package's relations name it (`xl/workbook.xml` usually). */
function officeDocument(zip: ZipPackage): string | null {
  if (!zip.has('_rels/.rels')) return zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : null
  for (const relation of relationsIn(zip.text('_rels/.rels'), '')) {
    if (OFFICE_DOCUMENT.test(relation.type)) return relation.target
  }
  return null
}

interface Relation {
  type: string
  target: string
}

function relationsOf(zip: ZipPackage, part: string, folder: string): Map<string, Relation> {
  const name = `${folder}_rels/${part.slice(folder.length)}.rels`
  const relations = new Map<string, Relation>()
  if (!zip.has(name)) return relations
  const xml = zip.text(name)
  for (const [, tag = ''] of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const attributes = attributesOf(tag)
    const id = attributes.get('Id')
    const target = attributes.get('Target')
    if (!id || !target || attributes.get('TargetMode') === 'External') continue
    relations.set(id, { type: attributes.get('Type') ?? '', target: resolvePart(folder, target) })
  }
  return relations
}

function relationsIn(xml: string, folder: string): Relation[] {
  return [...xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)].map(([, tag = '']) => {
    const attributes = attributesOf(tag)
    return {
      type: attributes.get('Type') ?? '',
      target: resolvePart(folder, attributes.get('Target') ?? ''),
    }
  })
}

/** A relation's target as a part name: absolute ("/xl/…") or relative to its source's folder. */
function resolvePart(folder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${folder}${target}`
  const parts: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '..') parts.pop()
    else if (segment !== '.' && segment !== '') parts.push(segment)
  }
  return parts.join('/')
}

function readSharedStrings(xml: string): string[] {
  const p = escapeRegExp(rootPrefix(xml, 'sst'))
  return [...xml.matchAll(new RegExp(`<${p}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}si>)`, 'g'))].map(
    ([, content]) => runsText(content ?? '', p),
  )
}

/** Excel's built-in number formats that show dates and times. */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
])
const PERCENT_FORMAT_IDS = new Set([9, 10])

function readStyles(xml: string): NumberStyle[] {
  const p = escapeRegExp(rootPrefix(xml, 'styleSheet'))
  const custom = new Map<number, NumberStyle>()
  for (const [, tag = ''] of xml.matchAll(new RegExp(`<${p}numFmt\\b([^>]*)>`, 'g'))) {
    const attributes = attributesOf(tag)
    custom.set(Number(attributes.get('numFmtId')), styleOfFormat(attributes.get('formatCode')))
  }
  const cellXfs = new RegExp(`<${p}cellXfs\\b[^>]*>([\\s\\S]*?)</${p}cellXfs>`).exec(xml)?.[1]
  if (!cellXfs) return []
  return [...cellXfs.matchAll(new RegExp(`<${p}xf\\b([^>]*)>`, 'g'))].map(([, tag = '']) => {
    const id = Number(attributesOf(tag).get('numFmtId') ?? 0)
    if (custom.has(id)) return custom.get(id) ?? 'number'
    if (DATE_FORMAT_IDS.has(id)) return 'date'
    return PERCENT_FORMAT_IDS.has(id) ? 'percent' : 'number'
  })
}

/** What a format code shows: quoted text, escapes and [colour] sections do not count. */
function styleOfFormat(code: string | undefined): NumberStyle {
  const plain = decodeXml(code ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
  if (plain.includes('%')) return 'percent'
  if (/general/i.test(plain)) return 'number'
  return /[dmyhs]/i.test(plain) ? 'date' : 'number'
}
