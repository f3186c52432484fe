import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { decodeXml } from '../../electron/main/workbook/xml-text'

const run = promisify(execFile)

export interface PdfWord {
  page: number
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

export interface PdfPage {
  width: number
  height: number
  words: PdfWord[]
}

/**
 * Every word of a PDF where it is drawn, as `pdftotext -bbox` finds them — including words
 * drawn past the page's edges, which pdftotext leaves out of a page: it reads a copy whose
 * MediaBox is widened and heightened (each size's digits made nines, so the file keeps its
 * length and its cross-reference table stays right). Coordinates are from the page's top left.
 */
export async function pdfWords(path: string): Promise<PdfPage[]> {
  const text = (await readFile(path)).toString('latin1')
  const sizes: [number, number][] = []
  const widened = text.replace(
    /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g,
    (_all, width: string, height: string) => {
      sizes.push([Number(width), Number(height)])
      return `/MediaBox [0 0 ${nines(width)} ${nines(height)}]`
    },
  )
  if (sizes.length === 0) throw new Error(`${path}: no MediaBox found`)
  const copy = `${path}.widened.pdf`
  await writeFile(copy, Buffer.from(widened, 'latin1'))
  const { stdout } = await run('pdftotext', ['-bbox', copy, '-'], { maxBuffer: 256 * 1024 * 1024 })
  return stdout
    .split('<page ')
    .slice(1)
    .map((page, index) => {
      // The widened page's height: words are placed from its top, the real page at its bottom.
      const shownHeight = Number(/height="([\d.]+)"/.exec(page)?.[1] ?? 0)
      const [width, height] = sizes[Math.min(index, sizes.length - 1)] as [number, number]
      const offset = shownHeight - height
      const words = [
        ...page.matchAll(
          /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
        ),
      ].map(([, xMin, yMin, xMax, yMax, word]) => ({
        page: index + 1,
        text: decodeXml(word ?? ''),
        xMin: Number(xMin),
        yMin: Number(yMin) - offset,
        xMax: Number(xMax),
        yMax: Number(yMax) - offset,
      }))
      return { width, height, words }
    })
}

/** The words drawn closer to an edge of their page than `margin` points (or past it). */
export function wordsOutside(pages: PdfPage[], margin = 0): PdfWord[] {
  return pages.flatMap((page) =>
    page.words.filter(
      (word) =>
        word.xMin < margin ||
        word.yMin < margin ||
        word.xMax > page.width - margin ||
        word.yMax > page.height - margin,
    ),
  )
}

/**
 * Words drawn over one another on a line: a word too long for its column runs into the next
 * column's. Words on the same line whose boxes overlap by more than a hair.
 */
export function overlappingWords(pages: PdfPage[]): [PdfWord, PdfWord][] {
  const found: [PdfWord, PdfWord][] = []
  for (const page of pages) {
    const words = [...page.words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
    for (let i = 0; i < words.length; i += 1) {
      const a = words[i] as PdfWord
      for (let j = i + 1; j < words.length; j += 1) {
        const b = words[j] as PdfWord
        if (b.yMin > a.yMax - 1) break
        const sameLine = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 1
        const overlap = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin)
        if (sameLine && overlap > 0.5) found.push([a, b])
      }
    }
  }
  return found
}

/** "841.89" → "999.99": as many digits, so the file keeps its length. */
function nines(size: string): string {
  return size.replace(/\d/g, '9')
}
