/**
 * Every file system call of the core whose arguments name a file of the test ("sentinel-…"), so
 * that "nothing was read" is checked, not assumed. A test file installs it with
 *   vi.mock('node:fs/promises', async (original) =>
 *     (await import('../support/watch-fs')).watched(await original()))
 * (and the same for 'node:fs'); `touched` then lists the calls.
 */
export const touched: string[] = []

/** The calls whose second argument is a path too; every other call's only path is its first. */
const TWO_PATHS = new Set([
  'rename',
  'renameSync',
  'copyFile',
  'copyFileSync',
  'cp',
  'cpSync',
  'link',
  'linkSync',
  'symlink',
  'symlinkSync',
])

export function watched<Module extends object>(original: Module): Module {
  const entries = Object.entries(original).map(([name, value]) => [
    name,
    typeof value !== 'function' || /^[A-Z]/.test(name)
      ? value
      : (...args: unknown[]) => {
          // Paths only: what a call writes into a file may mention a sentinel harmlessly.
          for (const arg of args.slice(0, TWO_PATHS.has(name) ? 2 : 1))
            if (typeof arg === 'string' && arg.includes('sentinel-')) touched.push(`${name} ${arg}`)
          return (value as (...a: unknown[]) => unknown).apply(original, args)
        },
  ])
  return { ...Object.fromEntries(entries), default: Object.fromEntries(entries) } as Module
}
