import { defineConfig } from 'vitest/config'
import { aliases } from './aliases'

export default defineConfig({
  resolve: { alias: aliases },
  test: {
    // Playwright specs live in test/e2e and run under Playwright, not here.
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // A PostgreSQL server for the sync tests, started once for the run and stopped after it.
    globalSetup: ['test/support/postgres-server.ts'],
  },
})
