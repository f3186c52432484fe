import process from 'node:process'
import { URL, fileURLToPath } from 'node:url'
import { build } from 'vite'
const entry = process.argv[2]
const outDir = 'node_modules/.cache/scratch-build'
await build({
  logLevel: 'warn', configFile: false,
  resolve: { alias: { '@shared': fileURLToPath(new URL('../../shared', import.meta.url)) } },
  build: { ssr: entry, outDir, emptyOutDir: true, rollupOptions: { output: { entryFileNames: 'entry.mjs' } } },
})
await import(`../../${outDir}/entry.mjs`)
