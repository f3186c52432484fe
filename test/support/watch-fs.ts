/**
 * Every file system call of the core whose arguments name a file of the test ("sentinel-…"), so
 * that "nothing was read" is checked, not assumed. A test file installs it with
 *   vi.mock('node:fs/promises', async (original) =>
 *     (await import('../support/watch-fs')).watched(await original()))
 * (and the same for 'node:fs'); `touched` then lists the calls.
 */
export const touched: string[] = []

export function watched<Module extends object>(original: Module): Module {
  const entries = Object.entries(original).map(([name, value]) => [
    name,
    typeof value !== 'function' || /^[A-Z]/.test(name)
      ? value
      : (...args: unknown[]) => {
          for (const arg of args)
            if (typeof arg === 'string' && arg.includes('sentinel-')) touched.push(`${name} ${arg}`)
          return (value as (...a: unknown[]) => unknown).apply(original, args)
        },
  ])
  return { ...Object.fromEntries(entries), default: Object.fromEntries(entries) } as Module
}
