import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { FuseV1Options, getCurrentFuseWire, flipFuses, type FuseConfig } from '@electron/fuses'
import { PlatformPackager } from 'app-builder-lib'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import { DebugLogger } from 'builder-util'
import { describe, expect, it } from 'vitest'
import { tempFolder } from '../support/temp'

/**
 * The fuses are read from electron-builder.yml by electron-builder's own loader, checked against
 * its schema, turned into a fuse wire by its own code and flipped by @electron/fuses into a
 * stand-in binary — exactly what `npm run dist` does to the real one before signing.
 */

/** The fuse wire's marker in an Electron binary, then version 1 and 8 fuses. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** Electron's own defaults: runAsNode, nodeOptions, inspect and file privileges on, the rest off. */
const ELECTRON_DEFAULTS = '10110001'

const ON = 49 // '1'
const OFF = 48 // '0'

const EXPECTED: Record<FuseV1Options, number> = {
  [FuseV1Options.RunAsNode]: OFF,
  [FuseV1Options.EnableCookieEncryption]: ON,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: OFF,
  [FuseV1Options.EnableNodeCliInspectArguments]: OFF,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: ON,
  [FuseV1Options.OnlyLoadAppFromAsar]: ON,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: OFF,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: OFF,
}

async function builderConfiguration() {
  const config = await getConfig(process.cwd(), null, null)
  await validateConfiguration(config, new DebugLogger(false))
  return config
}

/** electron-builder's own translation of `electronFuses` into @electron/fuses' options. */
async function fuseWireOf(fuses: unknown): Promise<FuseConfig> {
  const packager = PlatformPackager.prototype as unknown as {
    generateFuseConfig(fuses: unknown): Promise<FuseConfig>
  }
  return packager.generateFuseConfig.call({}, fuses)
}

function wireStates(wire: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(EXPECTED).map(([index]) => [FuseV1Options[Number(index)], wire[index]]),
  )
}

function expectedStates(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(EXPECTED).map(([index, state]) => [FuseV1Options[Number(index)], state]),
  )
}

describe('Electron fuses in the packaging configuration', () => {
  it('are valid for electron-builder and set every fuse the secure way', async () => {
    const config = await builderConfiguration()
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    })
  })

  it('a misspelt fuse is refused by electron-builder (so the check above can fail)', async () => {
    const config = await builderConfiguration()
    await expect(
      validateConfiguration(
        { ...config, electronFuses: { runAsnode: false } as never },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/electronFuses/)
  })

  it('flip a binary carrying Electron’s default wire to exactly the intended states', async () => {
    const folder = await tempFolder()
    const binary = join(folder, 'electron')
    await writeFile(
      binary,
      Buffer.concat([
        Buffer.from('\x7fELF…the rest of Electron…'),
        Buffer.from(SENTINEL),
        Buffer.from([1, ELECTRON_DEFAULTS.length]),
        Buffer.from(ELECTRON_DEFAULTS),
        Buffer.from('…'),
      ]),
    )
    const config = await builderConfiguration()
    const wire = await fuseWireOf(config.electronFuses)
    // Every fuse of the wire is set: none is left to Electron's default.
    expect(Object.keys(wire).filter((key) => /^\d+$/.test(key))).toHaveLength(
      ELECTRON_DEFAULTS.length,
    )
    await flipFuses(binary, { ...wire, strictlyRequireAllFuses: true } as FuseConfig)
    expect(wireStates(await getCurrentFuseWire(binary))).toEqual(expectedStates())
    // Nothing but the wire changed.
    const flipped = await readFile(binary)
    expect(flipped.subarray(0, flipped.indexOf(SENTINEL)).toString()).toBe(
      '\x7fELF…the rest of Electron…',
    )
  })

  const packaged = ['dist/linux-unpacked/aimf-finances', 'dist/win-unpacked/AIMF Finances.exe']
    .map((path) => join(process.cwd(), path))
    .find((path) => existsSync(path))
  it.skipIf(packaged === undefined)(
    'are set in the packaged binary (after `npm run dist` on this machine)',
    async () => {
      expect(wireStates(await getCurrentFuseWire(packaged ?? ''))).toEqual(expectedStates())
    },
  )
})
