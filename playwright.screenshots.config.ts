import { defineConfig } from '@playwright/test'
import base from './playwright.config'

/**
 * The README's screenshots (`npm run screenshots`, after `npm run build`): each main screen of
 * the demo file at 1280×720, in French and in English, written to resources/screenshots/.
 * Not part of `npm test`: the images change with every screen, and are refreshed on purpose.
 */
export default defineConfig({
  ...base,
  testDir: 'test/screenshots',
  testMatch: '**/*.shots.ts',
  globalSetup: undefined,
  outputDir: 'test-results/screenshots',
  timeout: 180_000,
  use: { ...base.use, viewport: { width: 1280, height: 720 } },
})
