import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  type BuildsExactly,
  type BuiltInOrder,
  createSession,
} from '../../electron/main/app/create-session'
import type { SessionServices } from '../../electron/main/app/session'
import type { budgetServices } from '../../electron/main/budget/services'
import type { fundsServices } from '../../electron/main/funds/services'
import { AREAS } from '../../electron/main/areas'
import { DataFile } from '../../electron/main/db/data-file'
import { tempFolder } from '../support/temp'

const MAIN = join(import.meta.dirname, '..', '..', 'electron', 'main')

/** The folders of electron/main holding a given declaration file. */
function foldersWith(file: string): string[] {
  return readdirSync(MAIN, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(MAIN, entry.name, file)))
    .map((entry) => entry.name)
}

async function exportsOf(folder: string, file: string): Promise<unknown[]> {
  return Object.values((await import(join(MAIN, folder, file))) as Record<string, unknown>)
}

describe('the list of areas', () => {
  // An area's folder that is not in the list would be compiled and tested but never reached
  // by the window or the session.
  it('holds every area declared in a folder', async () => {
    const declared = (
      await Promise.all(foldersWith('area.ts').map((folder) => exportsOf(folder, 'area.ts')))
    ).flat()
    expect(declared.filter((area) => !(AREAS as readonly unknown[]).includes(area))).toEqual([])
    expect(new Set(AREAS).size).toBe(AREAS.length)
  })

  it("and each area's services are those of its own folder, declared by its area", async () => {
    for (const folder of foldersWith('services.ts')) {
      const [services] = await exportsOf(folder, 'services.ts')
      const [area] = await exportsOf(folder, 'area.ts')
      expect((area as { services: unknown }).services, folder).toBe(services)
    }
    const withServices = AREAS.filter((area) => area.services !== undefined)
    expect(withServices.map((area) => area.name).sort()).toEqual(foldersWith('services.ts').sort())
  })

  it('builds a session holding every service the areas declare, each of its own kind', async () => {
    const file = await DataFile.create(join(await tempFolder(), 'areas.sqlite'))
    try {
      const session = createSession(file) as unknown as Record<string, unknown>
      const context = {
        file,
        language: () => 'fr' as const,
        today: () => '2026-01-01',
        now: () => new Date(),
        backupFolder: () => null,
        passwords: undefined as never,
        buildReport: undefined as never,
      }
      for (const area of AREAS) {
        if (area.services === undefined) continue
        const declared = area.services.build(context, session as never)
        for (const [name, service] of Object.entries(declared)) {
          expect(session[name], `${area.name}: ${name}`).toBeDefined()
          expect(Object.getPrototypeOf(session[name]), `${area.name}: ${name}`).toBe(
            Object.getPrototypeOf(service),
          )
        }
      }
    } finally {
      await file.close()
    }
  })
})

describe("the compiler's checks of the list (npx tsc -b fails if these stop failing)", () => {
  it('refuse an area listed before the services it is given, or a session not built', () => {
    // The budget is given the exchange rates: listed before the funds, it does not compile.
    // @ts-expect-error the budget before the funds whose rates it needs
    const misordered: BuiltInOrder<[typeof budgetServices, typeof fundsServices]> = true
    const ordered: BuiltInOrder<[typeof fundsServices, typeof budgetServices]> = true
    // An area left out of the list: its services are in the session's type but never built.
    // @ts-expect-error the session's services without the budget's
    const leftOut: BuildsExactly<AreasWithout<typeof budgetServices>, SessionServices> = true
    expect([misordered, ordered, leftOut]).toEqual([true, true, true])
  })
})

type AreasWithout<Left> = Exclude<NonNullable<(typeof AREAS)[number]['services']>, Left>[]
