import { execFile } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { bundleForNode } from '../support/bundle'
import { tempFolder } from '../support/temp'

let racer = ''
beforeAll(async () => {
  racer = await bundleForNode('test/safety/new-racer.ts')
}, 60_000)

const ROUNDS = 6

describe('two `aimf new` on one path at once', () => {
  it('one creates the file, the other is told it exists: never both « created », never a replaced file', async () => {
    const folder = await tempFolder()
    // Every process starts at the same instant, once all are loaded.
    const startAt = Date.now() + 8000
    const run = (path: string) =>
      promisify(execFile)(process.execPath, [racer, path, String(startAt)]).then(
        ({ stdout }) => JSON.parse(stdout) as { code: number; said: string },
      )
    const rounds = await Promise.all(
      Array.from({ length: ROUNDS }, async (_, round) => {
        const path = join(folder, `course-${round}.sqlite`)
        return { path, results: await Promise.all([run(path), run(path)]) }
      }),
    )
    for (const { path, results } of rounds) {
      const created = results.filter((r) => r.code === 0)
      const refused = results.filter((r) => r.code !== 0)
      expect(created, path).toHaveLength(1)
      expect(created[0]?.said).toBe(`Fichier créé : ${path}`)
      expect(refused[0]?.said).toBe(`Le fichier ${path} existe déjà : choisissez un autre nom.`)
      expect(await checkFile(path)).toEqual([])
    }
    // Nothing else was left in the folder: no temporary file, journal or log.
    expect((await readdir(folder)).sort()).toEqual(
      rounds.map((r) => r.path.replace(/^.*\//, '')).sort(),
    )
  }, 120_000)
})
