import { defineConfig } from '@playwright/test'
import e2e from '../../playwright.config'

/** The renderer's benchmark: the end-to-end harness, run by `npm run bench` only. */
export default defineConfig({
  ...e2e,
  // The renderer is measured on a plain file: no PostgreSQL server to start.
  globalSetup: undefined,
  testDir: '.',
  testMatch: '**/*.bench.ts',
  outputDir: '../../test-results/bench',
  timeout: 600_000,
})
