import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import type * as PdfMakeModule from 'pdfmake'
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces'

type PdfMake = typeof PdfMakeModule

// pdfmake is CommonJS and reads its fonts from files beside it: loaded at run time, never bundled.
const loadCommonJs = createRequire(import.meta.url)
let loaded: PdfMake | null = null

function pdfmake(): PdfMake {
  if (loaded) return loaded
  const engine = loadCommonJs('pdfmake') as PdfMake
  const fonts = loadCommonJs('pdfmake/fonts/Roboto.js') as TFontDictionary
  const fontFolder = dirname(fonts.Roboto?.normal as string)
  engine.setFonts(fonts)
  // A report never fetches anything: no URL, and no file but the fonts.
  engine.setUrlAccessPolicy(() => false)
  engine.setLocalAccessPolicy((path) => path.startsWith(fontFolder))
  loaded = engine
  return engine
}

/**
 * Roboto has no glyph for U+202F, the narrow no-break space French number formatting puts
 * between thousands: it becomes a no-break space, which Roboto has.
 */
export function printable(text: string): string {
  return text.replace(/\u202f/g, '\u00a0')
}

/** Renders a document to PDF bytes. Every text of the definition is made printable first. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const document = JSON.parse(JSON.stringify(definition), (_key, value: unknown) =>
    typeof value === 'string' ? printable(value) : value,
  ) as TDocumentDefinitions
  return pdfmake()
    .createPdf({ ...document, defaultStyle: { font: 'Roboto', ...document.defaultStyle } })
    .getBuffer()
}
