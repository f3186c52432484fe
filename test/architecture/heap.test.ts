import { readFile } from 'node:fs/promises'
import { getHeapStatistics } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { keepHeapTight } from '../../electron/main/app/heap'

/**
 * Every program running the core keeps its heap tight (app/heap.ts) as it starts: the shell, the
 * CLI and the benchmarks' processes, so that what `npm run bench` measures is what they do.
 */
describe('the heap setting', () => {
  it.each([
    ['the Electron shell', 'electron/main/shell/main.ts'],
    ['the CLI', 'electron/main/cli/cli.ts'],
    ['the benchmarks', 'test/bench/benchmarks.ts'],
  ])('is made by %s before its work', async (_name, path) => {
    const source = await readFile(path, 'utf8')
    const call = source.indexOf('keepHeapTight()')
    expect(call).toBeGreaterThan(0)
    // Before anything else runs: the call is the first statement outside a function's body
    // that does something (imports and declarations aside).
    const before = source.slice(0, call)
    expect(before).not.toMatch(/\n(?:app\.|runCli\(|await |void )/)
  })

  it('is accepted by this V8 at run time', () => {
    const before = getHeapStatistics().heap_size_limit
    expect(() => keepHeapTight()).not.toThrow()
    // The ceiling is left alone: only how far the heap grows between collections changes.
    expect(getHeapStatistics().heap_size_limit).toBe(before)
  })
})
