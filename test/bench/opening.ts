import { existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { APP_NODE_VERSION, appNode } from './app-node'
import { type BenchResult, run, runStep } from './bench-process'
import { dashboardSql } from './floors'
import { median, type StepArguments } from './steps'

/** What every line of opening's measures starts with. */
export const OPENING = 'open, '
const MEASURE = 'open, fast check and first dashboard figures'
/** The target of the first figures on the largest file, in a fresh start and in the app. */
const TARGET_MS = 150

/**
 * Opening in a fresh process, as a user's start does: the CLI opens the file (the fast check)
 * and prints the year's dashboard figures — timed to the figures printed; the full check goes
 * on after them, as in the window. Its floor: a fresh process of the same Node opening the file
 * with the raw sqlite3 binding and running the dashboard's query (open-floor.mjs). The first
 * run of each is left out: it reads the file from disk, and it is the one that fills Node's
 * compile cache (cli/main.ts), as the application's first start after an update does.
 */
async function openInFreshProcess(node: string, file: string, year: number) {
  const cli = resolve('out/main/cli.js')
  const today = new Date().toISOString().slice(0, 10)
  const floorScript = resolve('test/bench/open-floor.mjs')
  const ms: number[] = []
  const floorMs: number[] = []
  let peak: number | null = null
  for (let i = 0; i < 6; i += 1) {
    const app = await run(node, [cli, 'summary', file, '--year', String(year), '--json'])
    const floor = await run(node, [floorScript, file, JSON.stringify(dashboardSql(year, today))])
    if (i > 0) {
      ms.push(app.firstOutputMs)
      floorMs.push(floor.firstOutputMs)
    }
    peak = app.peakMB
  }
  return { ms, floorMs, peak }
}

/**
 * The curve of opening against the file's size (5, 10 and 20 years): in a fresh process, with
 * this machine's Node (the CLI's) and with the application's (app-node.ts), and in a process
 * whose modules are loaded (the window's wait when a file is opened). Prints the curves.
 */
export async function openingMeasures(
  files: { years: number; file: string }[],
  largestYears: number,
  args: StepArguments,
): Promise<BenchResult[]> {
  const results: BenchResult[] = []
  const found = await appNode()
  if ('missing' in found) console.log(`Opening with Node ${APP_NODE_VERSION}: ${found.missing}`)
  const runtimes = [
    { label: `Node ${process.versions.node}, this machine's`, node: process.execPath },
    ...('path' in found
      ? [{ label: `Node ${APP_NODE_VERSION}, Electron 45's`, node: found.path }]
      : []),
  ]
  const ways = [...runtimes.map((r) => `fresh process, ${r.label}`), 'in the running app'].map(
    (way) => `${MEASURE} (${way})`,
  )
  for (const { years, file } of files) {
    if (!existsSync(file)) continue
    const sizeMB = (await stat(file)).size / 1024 / 1024
    const target = years === largestYears ? TARGET_MS : null
    const line = (name: string, ms: number[], floorMs: number[], peakMB: number | null) =>
      results.push({
        name: `${name} (${years} years, ${sizeMB.toFixed(0)} MB)`,
        ms: median(ms),
        floorMs: median(floorMs),
        ratio: median(ms) / median(floorMs),
        targetMs: target,
        targetRatio: null,
        peakMB,
      })
    for (const [i, runtime] of runtimes.entries()) {
      const open = await openInFreshProcess(runtime.node, file, args.lastYear)
      line(ways[i] ?? '', open.ms, open.floorMs, open.peak)
    }
    const inProcess = await runStep('openInProcess', { ...args, file })
    const running = inProcess.times.openInProcess
    if (running)
      line(ways[ways.length - 1] ?? '', running.ms, running.floorMs ?? [], inProcess.peakMB)
  }
  for (const way of ways) {
    console.log(
      `\nOpening against the file size (first figures, ${way.slice(MEASURE.length + 2, -1)}):`,
    )
    for (const r of results.filter((r) => r.name.startsWith(way)))
      console.log(
        `  ${r.name.slice(way.length + 2, -1).padEnd(22)} ${r.ms.toFixed(0).padStart(5)} ms   floor ${(r.floorMs ?? 0).toFixed(0).padStart(5)} ms`,
      )
  }
  return results
}
