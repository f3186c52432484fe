import { readFile } from 'node:fs/promises'
import JSZip from 'jszip'
import { decodeXml } from '../../electron/main/workbook/xml-text'

export interface PackageSheet {
  name: string
  state: string
  /** The sheet's part in the package ("xl/worksheets/sheet1.xml"). */
  part: string
  /** Its autofilter's range, if it has one ("A9:J40"). */
  autoFilter: string | null
}

export interface XlsxPackage {
  sheets: PackageSheet[]
  activeTab: number
  definedNames: { name: string; localSheetId: number | null; value: string }[]
  /** Every XML part by its path. */
  parts: Map<string, string>
}

/** An xlsx file as its parts say it: sheets, their states and filters, the defined names. */
export async function readPackage(path: string): Promise<XlsxPackage> {
  const zip = await JSZip.loadAsync(await readFile(path))
  const parts = new Map<string, string>()
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name]
    if (entry && !entry.dir && /\.(xml|rels)$/.test(name))
      parts.set(name, await entry.async('string'))
  }
  const workbook = parts.get('xl/workbook.xml') ?? ''
  const relations = new Map(
    [
      ...(parts.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(
        /<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"/g,
      ),
    ].map(([, id, target]) => [id, target ?? '']),
  )
  const attribute = (tag: string, name: string) =>
    new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map(([tag]) => {
    const target = relations.get(attribute(tag, 'r:id') ?? '') ?? ''
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`
    const xml = parts.get(part) ?? ''
    return {
      name: decodeXml(attribute(tag, 'name') ?? ''),
      state: attribute(tag, 'state') ?? 'visible',
      part,
      autoFilter: /<autoFilter\b[^>]*\bref="([^"]+)"/.exec(xml)?.[1] ?? null,
    }
  })
  const definedNames = [...workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map(
    ([, attributes = '', value = '']) => {
      const local = attribute(attributes, 'localSheetId')
      return {
        name: attribute(attributes, 'name') ?? '',
        localSheetId: local === null ? null : Number(local),
        value: decodeXml(value),
      }
    },
  )
  return {
    sheets,
    activeTab: Number(
      attribute(/<workbookView\b[^>]*>/.exec(workbook)?.[0] ?? '', 'activeTab') ?? 0,
    ),
    definedNames,
    parts,
  }
}

/** The range a `_xlnm._FilterDatabase` name gives: "'Sheet'!$A$9:$J$40" → "A9:J40". */
export function filterRange(value: string): string {
  return (value.split('!').at(-1) ?? '').replace(/\$/g, '')
}
