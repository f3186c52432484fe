import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CHANNEL_NAMES } from '@shared/contract/channels'
import { contentChecksum } from '../support/files'
import { test, expect } from './harness/fixtures'

type Call = (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>

test('from inside the page: only the contract’s channels, and no file reached by its path', async ({
  app,
  page,
}) => {
  await app.core.createFile(join(app.folder, 'secretariat.sqlite'))
  const workbook = join(app.folder, 'membres.xlsx')
  await writeFile(workbook, 'not even a workbook')
  const before = await contentChecksum(app.core.requireSession().file)
  await app.open()
  await expect(page.getByRole('button', { name: 'Paramètres' })).toBeVisible()

  const surface = await page.evaluate(() => {
    const api = (globalThis as unknown as { api: Record<string, unknown> }).api
    return {
      keys: Object.keys(api).sort(),
      frozen: Object.isFrozen(api),
      functions: Object.values(api).every((value) => typeof value === 'function'),
      node: ['require', 'process', 'module', 'ipcRenderer', 'electron'].filter(
        (name) => name in globalThis,
      ),
    }
  })
  expect(surface).toEqual({
    keys: [...CHANNEL_NAMES, 'onMenuCommand'].sort(),
    frozen: true,
    functions: true,
    node: [],
  })

  // What a script injected into the page could try: every file channel, by path or forged token.
  const attempts = await page.evaluate(
    async ({ path }) => {
      const api = (globalThis as unknown as { api: Record<string, Call> }).api
      const tries: [string, unknown][] = [
        ['workbook.import', { path }],
        ['workbook.import', { file: path }],
        ['workbook.import', { file: 'A'.repeat(32) }],
        ['file.reveal', { path }],
        ['file.reveal', { file: 'B'.repeat(32) }],
        ['file.openRecent', { path }],
        ['file.recoverFromBackup', { file: path }],
        ['file.viewDamaged', { file: '../../etc/passwd' }],
        ['file.forgetRecent', { file: 'C'.repeat(32) }],
      ]
      const codes: string[] = []
      for (const [channel, input] of tries) {
        const call = api[channel]
        const result = call ? await call(input) : { ok: true }
        codes.push(result.ok ? 'accepted' : (result.error?.code ?? '?'))
      }
      return codes
    },
    { path: workbook },
  )
  expect(attempts).toEqual([
    'VALIDATION',
    'VALIDATION',
    'FORBIDDEN',
    'VALIDATION',
    'FORBIDDEN',
    'VALIDATION',
    'VALIDATION',
    'VALIDATION',
    'FORBIDDEN',
  ])
  expect(app.host.shownInFolder).toEqual([])
  expect(app.host.openedPaths).toEqual([])
  expect(app.core.fileInfo()?.name).toBe('secretariat.sqlite')
  expect(await contentChecksum(app.core.requireSession().file)).toBe(before)
})

test('an export offers to show the file it wrote in its folder', async ({ app, page }) => {
  await app.core.createFile(join(app.folder, 'secretariat.sqlite'))
  await app.open()
  await page.getByRole('button', { name: 'Paramètres' }).click()
  await page
    .getByRole('navigation', { name: 'Sections des paramètres' })
    .getByRole('button', { name: 'Import / export' })
    .click()
  const section = page.getByRole('region', { name: 'Import / export' })
  const target = join(app.folder, 'export.xlsx')
  app.host.nextExportPath = target
  await section.getByRole('button', { name: 'Exporter tous les registres' }).click()
  await expect(section.getByRole('status')).toContainText(target)
  await section.getByRole('button', { name: 'Afficher dans le dossier' }).click()
  await expect.poll(() => app.host.shownInFolder).toEqual([target])
})
