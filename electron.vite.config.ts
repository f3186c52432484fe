import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { aliases } from './aliases'

export default defineConfig({
  main: {
    resolve: { alias: aliases },
    build: {
      outDir: 'out/main',
      // Bundled in rather than loaded from node_modules: kysely's and zod's hundreds of ES
      // modules take a quarter of a second to resolve at each start; one bundle loads at once.
      externalizeDeps: { exclude: ['kysely', 'zod', 'uuid'] },
      rollupOptions: {
        input: {
          // Each program's first module enables the compile cache, then loads the rest; the
          // shell stays beside it (`shell.js`), where it finds the preload and the interface.
          index: resolve('electron/main/shell/start.ts'),
          shell: resolve('electron/main/shell/main.ts'),
          cli: resolve('electron/main/cli/main.ts'),
        },
        // ASCII only (the catalogues' French escaped): V8 then keeps the source one byte a
        // character, not two. The JSDoc is for readers of the sources, not for V8 to parse.
        output: { charset: 'ascii', comments: { legal: true, annotation: true, jsdoc: false } },
      },
    },
  },
  preload: {
    resolve: { alias: aliases },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but 'electron': bundle everything else in.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: { index: resolve('electron/preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    resolve: { alias: aliases },
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
})
