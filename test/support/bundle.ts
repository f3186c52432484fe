import { join, resolve } from 'node:path'
import { build } from 'vite'
import { aliases } from '../../aliases'

/**
 * Bundles a TypeScript entry of the tests into a Node script under node_modules/.cache (inside
 * the repo, so that its dependencies resolve), for tests that run the core in a separate process.
 */
export async function bundleForNode(entry: string): Promise<string> {
  const name = entry.replace(/^.*\//, '').replace(/\.ts$/, '')
  const outDir = resolve('node_modules/.cache/aimf-test-processes', name)
  await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: aliases },
    build: {
      ssr: resolve(entry),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: `${name}.mjs` } },
    },
  })
  return join(outDir, `${name}.mjs`)
}
