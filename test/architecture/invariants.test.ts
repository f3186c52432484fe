import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AREAS } from '../../electron/main/areas'
import { INVARIANTS } from '../../electron/main/check/file-check'

const MAIN = join(import.meta.dirname, '..', '..', 'electron', 'main')

/**
 * Run by check/check-against.ts for every file, as the change log and the keys are: it reads the
 * names and codes of five areas' records, which copies made offline may both give.
 */
const OF_EVERY_FILE = 'check/duplicate-invariants.ts'

/** The invariants' modules: `*-invariants.ts` anywhere under electron/main, with their exports. */
async function invariantModules(): Promise<{ file: string; exported: [string, unknown][] }[]> {
  const files = readdirSync(MAIN, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('-invariants.ts'))
    .sort()
  return Promise.all(
    files.map(async (file) => ({
      file,
      exported: Object.entries((await import(join(MAIN, file))) as Record<string, unknown>),
    })),
  )
}

describe("the areas' invariants", () => {
  // A newcomer's invariant written in its module but declared by no area would never run.
  it('are each declared by exactly one area, every one found in an invariants module', async () => {
    const modules = await invariantModules()
    expect(modules.map((m) => m.file)).toContain(OF_EVERY_FILE)
    const declaredBy = (invariant: unknown): string[] =>
      AREAS.filter((area) => (area.invariants as readonly unknown[]).includes(invariant)).map(
        (area) => area.name,
      )
    const found: unknown[] = []
    for (const { file, exported } of modules) {
      for (const [name, invariant] of exported) {
        if (typeof invariant !== 'function') continue
        found.push(invariant)
        const areas = declaredBy(invariant)
        expect(areas, `${relative('.', file)}: ${name}`).toHaveLength(
          file === OF_EVERY_FILE ? 0 : 1,
        )
        if (file !== OF_EVERY_FILE) {
          // The area whose records it checks, in that area's folder or in check/.
          const folder = file.split('/')[0]
          expect(['check', areas[0]], `${file}: ${name}`).toContain(folder)
        }
      }
    }
    // And no area declares an invariant written elsewhere (inline, or in another module).
    expect(INVARIANTS.filter((invariant) => !found.includes(invariant))).toEqual([])
  })

  it('are run by aimf check in the order of the areas, each area its own in its order', () => {
    expect(INVARIANTS).toEqual(AREAS.flatMap((area) => area.invariants))
    expect(INVARIANTS.map((invariant) => invariant.name)).toEqual([
      'programmeProblems',
      'ledgerProblems',
      'overheadProblems',
      'duesLedgerProblems',
      'projectLedgerProblems',
      'shareProblems',
      'booksProblems',
      'closingProblems',
    ])
  })
})
