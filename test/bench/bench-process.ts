import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { StepArguments, StepTimes } from './steps'

/** One line of `test/bench/results.json`. */
export interface BenchResult {
  name: string
  /** The median of the runs. */
  ms: number
  floorMs: number | null
  ratio: number | null
  targetMs: number | null
  targetRatio: number | null
  peakMB: number | null
  /** A limit other than time, checked when the results are reported (not written). */
  check?: () => boolean
}

/** The benchmarks' bundle (every module of test/bench is bundled into it): steps run it. */
export const BUNDLE = fileURLToPath(import.meta.url)

/**
 * Runs a command; its standard output, how long it took to print its first output, and its peak
 * memory when `/usr/bin/time` can tell.
 */
export function run(
  command: string,
  args: string[],
): Promise<{ stdout: string; peakMB: number | null; firstOutputMs: number }> {
  const start = performance.now()
  let firstOutputMs = 0
  const timed = existsSync('/usr/bin/time')
  const child = timed
    ? spawn('/usr/bin/time', ['-f', 'PEAK_KB %M', command, ...args])
    : spawn(command, args)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    if (stdout === '') firstOutputMs = performance.now() - start
    stdout += chunk.toString()
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((done, fail) => {
    child.on('close', (code) => {
      if (code !== 0) fail(new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr}`))
      const kb = /PEAK_KB (\d+)/.exec(stderr)?.[1]
      done({ stdout, peakMB: kb ? Math.round(Number(kb) / 1024) : null, firstOutputMs })
    })
  })
}

/**
 * Runs one step of steps.ts in a process of its own (of this Node, or of the `node` given, with
 * the flags given); the times it printed, its peak memory.
 */
export async function runStep(
  name: string,
  args: StepArguments,
  node = process.execPath,
  nodeFlags: readonly string[] = [],
): Promise<{ times: StepTimes; peakMB: number | null }> {
  const { stdout, peakMB } = await run(node, [
    ...nodeFlags,
    BUNDLE,
    'step',
    name,
    JSON.stringify(args),
  ])
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH '))
  if (!line) throw new Error(`Step ${name} said nothing:\n${stdout}`)
  return { times: JSON.parse(line.slice(6)) as StepTimes, peakMB }
}
