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
 * The worker's whole program. It lays documents out and draws them off the main thread, so a
 * long report never freezes the window, one at a time as they are posted; it stays loaded
 * between documents, since loading pdfmake and its fonts costs more than drawing most of them.
 * Kept as source text so that the same code runs from the bundled app, the CLI and the tests,
 * none of which ship a separate worker file.
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
const small = { fontSize: 7, color: '#52606d' }
parentPort.on('message', ({ definition, frame }) => {
  let last = 0
  engine.setProgressCallback((share) => {
    if (share - last >= 0.02 || share === 1) {
      last = share
      parentPort.postMessage({ progress: share })
    }
  })
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
          width: 'auto',
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
})
`

/** The drawing worker while it is loaded; started by the first document. */
let worker: Worker | null = null
/** Documents are drawn one after the other: each waits for the one before. */
let queue: Promise<unknown> = Promise.resolve()

function drawingWorker(): Worker {
  if (!worker) {
    const started = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        pdfmake: resolveCommonJs.resolve('pdfmake'),
        fonts: resolveCommonJs.resolve('pdfmake/fonts/Roboto.js'),
      },
    })
    // An idle worker must not keep a command-line run alive.
    started.unref()
    started.on('exit', () => {
      if (worker === started) worker = null
    })
    worker = started
  }
  return worker
}

function stopWorker(stopped: Worker): void {
  if (worker === stopped) worker = null
  void stopped.terminate()
}

/**
 * The document properties every PDF of the app carries (File → Properties in a reader): what it
 * is, who issued it (the organisation) and what it is about.
 */
export function pdfInfo(fields: {
  title: string
  author: string
  subject: string
}): NonNullable<TDocumentDefinitions['info']> {
  return { ...fields, creator: 'AIMF Finances', producer: 'AIMF Finances' }
}

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
  const draw = () => drawInWorker(document, frame, options)
  const drawn = queue.then(draw, draw)
  queue = drawn.catch(() => undefined)
  return drawn
}

async function drawInWorker(
  document: TDocumentDefinitions,
  frame: PdfFrame | undefined,
  options: PdfOptions,
): Promise<Buffer> {
  if (options.signal?.aborted) throw new AppFailure('CANCELLED')
  const drawer = drawingWorker()
  drawer.ref()
  return new Promise<Buffer>((resolve, reject) => {
    const finish = () => {
      options.signal?.removeEventListener('abort', stop)
      drawer.off('message', onMessage)
      drawer.off('error', onError)
      drawer.off('exit', onExit)
      drawer.unref()
    }
    const stop = () => {
      finish()
      stopWorker(drawer)
      reject(new AppFailure('CANCELLED'))
    }
    const onMessage = (message: { progress?: number; pdf?: Uint8Array; error?: string }) => {
      if (message.progress !== undefined) options.onProgress?.(message.progress)
      if (message.pdf) {
        finish()
        resolve(Buffer.from(message.pdf))
      }
      if (message.error) {
        finish()
        reject(new Error(message.error))
      }
    }
    const onError = (error: Error) => {
      finish()
      stopWorker(drawer)
      reject(error)
    }
    const onExit = (code: number) => {
      finish()
      reject(new Error(`The PDF worker stopped (${code})`))
    }
    options.signal?.addEventListener('abort', stop, { once: true })
    drawer.on('message', onMessage)
    drawer.on('error', onError)
    drawer.on('exit', onExit)
    drawer.postMessage({
      definition: { ...document, defaultStyle: { font: 'Roboto', ...document.defaultStyle } },
      frame,
    })
  })
}
