import * as nodeModule from 'node:module'

/** `module.enableCompileCache`, which Node has from 22.1 (Electron 45 runs Node 24). */
type EnableCompileCache = (directory?: string) => unknown

/**
 * Lets Node keep V8's compiled code of the core between starts, so that a start reads it
 * rather than compiling the core's megabyte of JavaScript again. Called by each program's
 * first module, before it loads the core: only modules loaded after the call are cached. Node
 * checks each cached entry against its source, and a cache it cannot read or write only costs
 * the time it would have saved. Without the function (Node 20) nothing is cached.
 */
export function enableCompileCache(directory?: string): void {
  const enable = (nodeModule as { enableCompileCache?: EnableCompileCache }).enableCompileCache
  try {
    enable?.(directory)
  } catch {
    // A start without the cache is a start like any other.
  }
}
