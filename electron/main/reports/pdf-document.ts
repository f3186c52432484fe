import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import { AppFailure } from '../failure'

/**
 * The running header and footer of every page, as data: the worker turns them into pdfmake's
 * page callbacks (functions cannot cross to a worker). `{page}` and `{pages}` in `pageLabel`
 * become the page number and count.
 */
export interface PdfFrame {
  header?: { left: string; right: string }
  footer: { left: string; pageLabel: string }
}

export interface PdfOptions {
  frame?: PdfFrame
  /** Told the share of the pages drawn, from 0 to 1. */
  onProgress?: (share: number) => void
  /** Stops the worker; the render then fails with CANCELLED. */
  signal?: AbortSignal
}

// pdfmake is CommonJS and reads its fonts from files beside it: resolved at run time, never
// bundled, and loaded by the worker itself.
const resolveCommonJs = createRequire(import.meta.url)

/**
 * The worker's whole program. It lays the document out and draws it off the main thread, so a
 * long report never freezes the window. Kept as source text so that the same code runs from the
 * bundled app, the CLI and the tests, none of which ship a separate worker file.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { dirname } = require('node:path')
const engine = require(workerData.pdfmake)
const fonts = require(workerData.fonts)
const fontFolder = dirname(fonts.Roboto.normal)
engine.setFonts(fonts)
engine.setUrlAccessPolicy(() => false)
engine.setLocalAccessPolicy((path) => path.startsWith(fontFolder))
let last = 0
engine.setProgressCallback((share) => {
  if (share - last >= 0.02 || share === 1) {
    last = share
    parentPort.postMessage({ progress: share })
  }
})
const { definition, frame } = workerData
const small = { fontSize: 7, color: '#52606d' }
if (frame && frame.header) {
  definition.header = () => ({
    columns: [
      { text: frame.header.left, ...small },
      { text: frame.header.right, alignment: 'right', ...small },
    ],
    margin: [36, 16, 36, 0],
  })
}
if (frame && frame.footer) {
  definition.footer = (page, pages) => ({
    columns: [
      { text: frame.footer.left, ...small },
      {
        text: frame.footer.pageLabel.replace('{page}', page).replace('{pages}', pages),
        alignment: 'right',
        ...small,
      },
    ],
    margin: [36, 12, 36, 0],
  })
}
engine
  .createPdf(definition)
  .getBuffer()
  .then((buffer) => parentPort.postMessage({ pdf: buffer }))
  .catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }))
`

/**
 * Roboto has no glyph for U+202F, the narrow no-break space French number formatting puts
 * between thousands: it becomes a no-break space, which Roboto has.
 */
export function printable(text: string): string {
  return text.replace(/\u202f/g, '\u00a0')
}

/** Renders a document to PDF bytes in a worker thread. Every text is made printable first. */
export async function renderPdf(
  definition: TDocumentDefinitions,
  options: PdfOptions = {},
): Promise<Buffer> {
  const printableText = (value: unknown): unknown =>
    typeof value === 'string' ? printable(value) : value
  const document = JSON.parse(JSON.stringify(definition), (_key, value: unknown) =>
    printableText(value),
  ) as TDocumentDefinitions
  const frame = options.frame
    ? (JSON.parse(JSON.stringify(options.frame), (_key, value: unknown) =>
        printableText(value),
      ) as PdfFrame)
    : undefined
  if (options.signal?.aborted) throw new AppFailure('CANCELLED')
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      pdfmake: resolveCommonJs.resolve('pdfmake'),
      fonts: resolveCommonJs.resolve('pdfmake/fonts/Roboto.js'),
      definition: { ...document, defaultStyle: { font: 'Roboto', ...document.defaultStyle } },
      frame,
    },
  })
  return new Promise<Buffer>((resolve, reject) => {
    const stop = () => {
      void worker.terminate()
      reject(new AppFailure('CANCELLED'))
    }
    options.signal?.addEventListener('abort', stop, { once: true })
    const settle = () => options.signal?.removeEventListener('abort', stop)
    worker.on('message', (message: { progress?: number; pdf?: Uint8Array; error?: string }) => {
      if (message.progress !== undefined) options.onProgress?.(message.progress)
      if (message.pdf) {
        settle()
        resolve(Buffer.from(message.pdf))
        void worker.terminate()
      }
      if (message.error) {
        settle()
        reject(new Error(message.error))
        void worker.terminate()
      }
    })
    worker.on('error', (error) => {
      settle()
      reject(error)
    })
  })
}
