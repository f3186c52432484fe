// `npm run bench`: compiles the benchmarks against the core's sources, then runs them.
// They measure speed on generated files; tests never time anything.
import process from 'node:process'
import { build } from 'vite'

const outDir = 'node_modules/.cache/bench'
await build({
  logLevel: 'warn',
  configFile: false,
  build: {
    ssr: 'test/bench/benchmarks.ts',
    outDir,
    emptyOutDir: true,
    rollupOptions: { output: { entryFileNames: 'benchmarks.mjs' } },
  },
})
const { runBenchmarks } = await import(`../../${outDir}/benchmarks.mjs`)
process.exitCode = await runBenchmarks()
