import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

/**
 * The real desktop app, launched with Electron, where the Electron binary is installed.
 * The binary is looked for without `require('electron')`, which would try to download it.
 */
function installedElectron(): string | null {
  const folder = resolve('node_modules/electron')
  const pathFile = join(folder, 'path.txt')
  if (!existsSync(pathFile)) return null
  const executable = join(folder, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(executable) ? executable : null
}

const executable = installedElectron()

test('the desktop app starts sandboxed, shows the start screen and keeps Node out of the page', async () => {
  const reason =
    'SKIPPED: the Electron binary is not installed on this machine (it cannot be downloaded here), so the desktop launch test did not run. The interface is tested in Chromium by the other end-to-end tests.'
  if (executable === null) console.log(reason)
  test.skip(executable === null, reason)
  const userData = await mkdtemp(join(tmpdir(), 'aimf-electron-'))
  const app = await electron.launch({
    executablePath: executable ?? undefined,
    args: [resolve('out/main/index.js'), `--user-data-dir=${userData}`, '--no-sandbox'],
  })
  try {
    const window = await app.firstWindow()
    await expect(
      window.getByRole('heading', { name: 'Bienvenue dans AIMF Finances' }),
    ).toBeVisible()
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    )
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
      'undefined',
    )
    expect(
      await window.evaluate(
        () => Object.keys((globalThis as unknown as { api: object }).api).length,
      ),
    ).toBeGreaterThan(10)
    expect(window.url()).toBe('app://aimf/index.html')
  } finally {
    await app.close()
    await rm(userData, { recursive: true, force: true })
  }
})
