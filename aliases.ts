import { fileURLToPath } from 'node:url'

/**
 * The one import alias: `@shared/…` is the contract and the code both sides share, so that no
 * import climbs `../../../shared`. Read by electron-vite, Vitest and the test bundler; the
 * TypeScript side is `paths` in tsconfig.base.json (and test/bench/run.mjs repeats it, being
 * plain JavaScript).
 */
export const aliases = {
  '@shared': fileURLToPath(new URL('./shared', import.meta.url)),
}
