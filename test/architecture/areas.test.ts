import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AREA_SERVICES } from '../../electron/main/app/session-services'
import { AREAS } from '../../electron/main/areas'

const MAIN = join(import.meta.dirname, '..', '..', 'electron', 'main')

/** The folders of electron/main holding a given declaration file. */
function foldersWith(file: string): string[] {
  return readdirSync(MAIN, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(MAIN, entry.name, file)))
    .map((entry) => entry.name)
}

describe('the lists of areas', () => {
  // An area's folder that is not in the lists would be compiled and tested but never reached
  // by the window or the session.
  it('hold every area declared in a folder: its handlers in AREAS', async () => {
    const declared = await Promise.all(
      foldersWith('area.ts').map(async (folder) =>
        Object.values((await import(join(MAIN, folder, 'area.ts'))) as Record<string, unknown>),
      ),
    )
    expect(declared.flat().filter((area) => !(AREAS as readonly unknown[]).includes(area))).toEqual(
      [],
    )
  })

  it('and its services in AREA_SERVICES, once each', async () => {
    const declared = await Promise.all(
      foldersWith('services.ts').map(async (folder) =>
        Object.values((await import(join(MAIN, folder, 'services.ts'))) as Record<string, unknown>),
      ),
    )
    expect(declared.flat()).toHaveLength(AREA_SERVICES.length)
    expect(new Set(declared.flat())).toEqual(new Set(AREA_SERVICES))
  })
})
