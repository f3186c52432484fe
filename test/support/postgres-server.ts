import { execFile } from 'node:child_process'
import { chown, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server for the sync tests (superuser URL with its password), or null. */
    postgresUrl: string | null
  }
}

const run = promisify(execFile)
const USER = 'aimf'
const PASSWORD = 'secret-de-test-7f3a'

/**
 * Vitest's global setup: a PostgreSQL server for the sync tests (see {@link startPostgres}).
 * AIMF_TEST_POSTGRES names a server to use instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres()
  project.provide('postgresUrl', server?.url ?? null)
  return async () => server?.stop()
}

/**
 * A throwaway PostgreSQL server on 127.0.0.1 and a free port, with password authentication,
 * made from Debian's postgresql (which `.ci/run` installs); `stop` removes it. Null where
 * PostgreSQL is not installed. AIMF_TEST_POSTGRES names a server to use instead.
 */
export async function startPostgres(): Promise<{ url: string; stop: () => Promise<void> } | null> {
  const given = process.env.AIMF_TEST_POSTGRES
  if (given) return { url: given, stop: async () => undefined }
  const bin = await postgresBin()
  if (!bin) return null
  const folder = await mkdtemp(join(tmpdir(), 'aimf-pg-'))
  const data = join(folder, 'data')
  const passwordFile = join(folder, 'password')
  await writeFile(passwordFile, PASSWORD)
  // PostgreSQL refuses to run as root: the server runs as Debian's postgres account.
  const asServer = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : []
  if (asServer.length > 0) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const { stdout: group } = await run('id', ['-g', 'postgres'])
    for (const path of [folder, passwordFile]) await chown(path, Number(stdout), Number(group))
  }
  const command = async (program: string, args: string[]) => {
    const [head, ...rest] = [...asServer, join(bin, program), ...args]
    await run(head as string, rest, { timeout: 60_000 })
  }
  const port = await freePort()
  await command('initdb', [
    '-D',
    data,
    '-U',
    USER,
    '--auth=scram-sha-256',
    `--pwfile=${passwordFile}`,
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ])
  await command('pg_ctl', [
    '-D',
    data,
    '-w',
    '-l',
    join(folder, 'server.log'),
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${folder} -c fsync=off`,
    'start',
  ])
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await command('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined)
      await rm(folder, { recursive: true, force: true })
    },
  }
}

/** The newest PostgreSQL installed the Debian way, or null. */
async function postgresBin(): Promise<string | null> {
  const versions = await readdir('/usr/lib/postgresql').catch(() => [] as string[])
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0]
  return newest ? join('/usr/lib/postgresql', newest, 'bin') : null
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}
