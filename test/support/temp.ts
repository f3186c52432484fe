import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach } from 'vitest'

const perTest: string[] = []
const perFile: string[] = []

/**
 * A fresh folder under the system temp dir, removed after the test, or after the test file's
 * last test for a folder made in `beforeAll` and shared by its tests (`lifetime: 'file'`).
 */
export async function tempFolder(lifetime: 'test' | 'file' = 'test'): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'aimf-test-'))
  ;(lifetime === 'test' ? perTest : perFile).push(folder)
  return folder
}

afterEach(async () => {
  for (const folder of perTest.splice(0)) await rm(folder, { recursive: true, force: true })
})

afterAll(async () => {
  for (const folder of perFile.splice(0)) await rm(folder, { recursive: true, force: true })
})
