import { join } from 'node:path'
import { app } from 'electron'
import { enableCompileCache } from '../app/compile-cache'

/*
 * The application's first module: the compile cache (in the user's data folder, which is the
 * application's own), then the shell. The shell is awaited: Electron says it is ready only
 * once this module has run, and the shell registers what must come before (the app: scheme).
 */
enableCompileCache(join(app.getPath('userData'), 'compile-cache'))
await import('./main')
