import { setFlagsFromString } from 'node:v8'

/**
 * How much V8 lets the core's heap grow past what it still held after its last full
 * collection, in percent, before collecting again.
 *
 * V8's own choice, made for throughput, is up to four times: an import of 50,000 rows, which
 * holds about 100 MB of rows and records, let the process reach 470 MB — garbage waiting for a
 * collection that only came once. At half again as much, the same import peaks near 270 MB for
 * about the same time (a few more collections of a heap that holds little). Measured by
 * `npm run bench` (the import's peak beside its target). Node 24 (the application's runtime,
 * Electron 45) peaks at 325–355 MB whatever this setting: its V8 gives the young generation twice
 * the room Electron's does (whose pointers are compressed), and sizes it when the process
 * starts, not at run time. The bench's import by Node 24 with Electron's young generation
 * (`test/bench/app-node.ts`) peaks at 249–298 MB (2026-12-06).
 */
export const HEAP_GROWING_PERCENT = 50

/**
 * Keeps the core's heap close to what it holds ({@link HEAP_GROWING_PERCENT}). Called first by
 * each program that runs the core — the Electron shell, the CLI, the benchmarks' processes —
 * as it starts, before any work: V8 reads the setting at each collection. Node (and Electron's
 * main process, which keeps V8's flags writable as Node does) accept it at run time.
 */
export function keepHeapTight(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
}
