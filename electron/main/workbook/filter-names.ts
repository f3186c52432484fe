import JSZip from 'jszip'
import { decodeXml, encodeXml } from './xml-text'

/** A sheet's autofilter: the sheet's name and its range in A1 notation ("A9:J40"). */
export interface SheetFilter {
  sheet: string
  range: string
}

/**
 * Declares each sheet's autofilter in the workbook's defined names, as Excel itself does
 * (`_xlnm._FilterDatabase`, local to the sheet, hidden). exceljs writes the sheet's
 * `<autoFilter>` but not the name; Excel shows the filter buttons all the same, LibreOffice
 * only with the name (exceljs #2778, LibreOffice tdf#118592).
 *
 * Only `xl/workbook.xml` is rewritten: the other parts keep their compressed bytes, so a large
 * export is not compressed twice.
 */
export async function declareFilters(bytes: Buffer, filters: SheetFilter[]): Promise<Buffer> {
  if (filters.length === 0) return bytes
  const zip = await JSZip.loadAsync(bytes)
  const part = zip.file('xl/workbook.xml')
  if (!part) throw new Error('A workbook without xl/workbook.xml')
  const xml = await part.async('string')
  const sheetNames = [...xml.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map(([, name]) =>
    decodeXml(name ?? ''),
  )
  const names = filters.map((filter) => {
    const index = sheetNames.indexOf(filter.sheet)
    if (index < 0) throw new Error(`No sheet "${filter.sheet}" to declare a filter on`)
    return (
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">` +
      `${encodeXml(`${quotedSheet(filter.sheet)}!${absolute(filter.range)}`)}</definedName>`
    )
  })
  const declared = xml.includes('<definedNames>')
    ? xml.replace('<definedNames>', `<definedNames>${names.join('')}`)
    : xml.replace('</sheets>', `</sheets><definedNames>${names.join('')}</definedNames>`)
  zip.file('xl/workbook.xml', declared)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

/** A sheet's name as a formula writes it: quoted, its own quotes doubled. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`
}

/** "A9:J40" → "$A$9:$J$40". */
function absolute(range: string): string {
  return range
    .split(':')
    .map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':')
}
