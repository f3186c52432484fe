// `npm run bench`: compiles the benchmarks against the core's sources, then runs them.
// They measure speed on generated files; tests never time anything.
import { execFileSync } from 'node:child_process'
import process from 'node:process'
import { URL, fileURLToPath } from 'node:url'
import { build } from 'vite'

// The application's own build: the "fresh process" measure runs its CLI.
execFileSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
  stdio: ['ignore', 'ignore', 'inherit'],
})

const outDir = 'node_modules/.cache/bench-build'
await build({
  logLevel: 'warn',
  configFile: false,
  // The alias of aliases.ts (this file is plain JavaScript and cannot import it).
  resolve: { alias: { '@shared': fileURLToPath(new URL('../../shared', import.meta.url)) } },
  build: {
    ssr: 'test/bench/benchmarks.ts',
    outDir,
    emptyOutDir: true,
    rollupOptions: { output: { entryFileNames: 'benchmarks.mjs' } },
  },
})
const { runBenchmarks } = await import(`../../${outDir}/benchmarks.mjs`)
process.exitCode = await runBenchmarks()
