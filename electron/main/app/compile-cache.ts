import * as nodeModule from 'node:module'
import { homedir, platform } from 'node:os'
import { join } from 'node:path'

/** `module.enableCompileCache`, which Node has from 22.1 (Electron 45 runs Node 24). */
type EnableCompileCache = (directory?: string) => unknown

/**
 * Lets Node keep V8's compiled code of the core between starts, so that a start reads it
 * rather than compiling the core's megabyte of JavaScript again. Called by a program's first
 * module, before it loads the core: only modules loaded after the call are cached. A cache it
 * cannot read or write only costs the time it would have saved. Without the function (Node 20)
 * nothing is cached.
 *
 * V8 runs the code it finds there, checked only against checksums anyone can recompute: the
 * folder must be one that only the user who runs the program can write, never a shared one
 * (Node's default is in the system's temporary folder), and never for the packaged application,
 * whose code is otherwise only what its integrity-checked archive holds (shell/start.ts).
 */
export function enableCompileCache(directory: string): void {
  const enable = (nodeModule as { enableCompileCache?: EnableCompileCache }).enableCompileCache
  try {
    enable?.(directory)
  } catch {
    // A start without the cache is a start like any other.
  }
}

/**
 * The user's own cache folder for a program's compiled code: `$XDG_CACHE_HOME` or `~/.cache`
 * (Linux), `~/Library/Caches` (macOS), `%LOCALAPPDATA%` (Windows), then `aimf-finances`. Each
 * version of Node or of the program adds its entries beside the last ones (about a megabyte).
 */
export function userCompileCacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  // As os.homedir() reads it, from the environment given (a test's, or the process's own).
  const home = env.HOME ?? env.USERPROFILE ?? homedir()
  const base =
    platform() === 'win32'
      ? (env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'))
      : platform() === 'darwin'
        ? join(home, 'Library', 'Caches')
        : (env.XDG_CACHE_HOME ?? join(home, '.cache'))
  return join(base, 'aimf-finances', 'compile-cache')
}
