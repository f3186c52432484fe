#!/usr/bin/env node
import { enableCompileCache, userCompileCacheFolder } from '../app/compile-cache'

/*
 * `aimf`'s program: the compile cache first (in the user's own cache folder), then the command
 * line, so that the core's modules come from the cache when Node has one (see
 * enableCompileCache). `cli.ts` is the command line itself, which the tests import without
 * running it.
 */
enableCompileCache(userCompileCacheFolder())
const { runAsProgram } = await import('./cli')
runAsProgram()
