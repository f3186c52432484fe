import { createRequire } from 'node:module'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type FontFace, textWidth } from '../../electron/main/reports/font-metrics'

// pdfkit is what pdfmake draws with: its measure is the truth the estimate must not fall under.
const require = createRequire(import.meta.url)
const PDFDocument = require('pdfkit') as new (options?: object) => {
  font: (path: string) => { widthOfString: (text: string, options?: object) => number }
  fontSize: (size: number) => unknown
}
const fonts = (require('pdfmake/fonts/Roboto.js') as { Roboto: Record<FontFace, string> }).Roboto

describe('the PDF font’s widths', () => {
  it('are at least pdfkit’s, and hardly more, for realistic texts', () => {
    const document = new PDFDocument()
    const alphabet = fc.constantFrom(
      ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 éèàçôÉ€$%,.;:-–—«»()/\u00a0’'.split(
        '',
      ),
    )
    fc.assert(
      fc.property(
        fc.array(alphabet, { minLength: 1, maxLength: 60 }).map((c) => c.join('')),
        fc.constantFrom<FontFace>('normal', 'bold', 'italics', 'bolditalics'),
        fc.constantFrom(6, 7.5, 8.5, 10, 15),
        (text, face, size) => {
          document.fontSize(size)
          const real = document.font(fonts[face]).widthOfString(text)
          const estimate = textWidth(text, size, face)
          expect(estimate).toBeGreaterThanOrEqual(real)
          expect(estimate).toBeLessThanOrEqual(real * 1.1 + 0.25 * size)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
