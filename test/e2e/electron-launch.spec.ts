import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { CHANNEL_NAMES } from '@shared/contract/channels'

/**
 * The real desktop app, launched with Electron, where the Electron binary is installed.
 * The binary is looked for without `require('electron')`, which would try to download it.
 * It runs with Chromium's sandbox on, as users run it: no `--no-sandbox`.
 */
function installedElectron(): string | null {
  const folder = resolve('node_modules/electron')
  const pathFile = join(folder, 'path.txt')
  if (!existsSync(pathFile)) return null
  const executable = join(folder, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(executable) ? executable : null
}

const executable = installedElectron()

test('the desktop app starts sandboxed, shows the start screen and keeps Node and navigation out of the page', async () => {
  const reason =
    'SKIPPED: the Electron binary is not installed on this machine (it cannot be downloaded here), so the desktop launch test did not run. The interface is tested in Chromium by the other end-to-end tests; the shell against a stand-in Electron in test/shell.'
  if (executable === null) console.log(reason)
  test.skip(executable === null, reason)
  const userData = await mkdtemp(join(tmpdir(), 'aimf-electron-'))
  const app = await electron.launch({
    executablePath: executable ?? undefined,
    args: [resolve('out/main/index.js'), `--user-data-dir=${userData}`],
  })
  try {
    const win = await app.firstWindow()
    await expect(win.getByRole('heading', { name: 'Bienvenue dans AIMF Finances' })).toBeVisible()
    expect(win.url()).toBe('app://aimf/index.html')

    // Nothing of Node or Electron in the page; only the contract's channels on window.api.
    const page = await win.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>
      return {
        absent: ['require', 'process', 'module', 'Buffer', 'ipcRenderer', 'electron'].filter(
          (name) => typeof scope[name] === 'undefined',
        ),
        api: Object.keys(scope.api as object).sort(),
      }
    })
    expect(page.absent).toEqual([
      'require',
      'process',
      'module',
      'Buffer',
      'ipcRenderer',
      'electron',
    ])
    expect(page.api).toEqual([...CHANNEL_NAMES, 'onMenuCommand'].sort())

    // The renderer really is sandboxed (the main process's view of its preferences; on Linux,
    // the kernel's: the renderer runs under a seccomp filter).
    const renderer = await app.evaluate(({ app: electronApp, BrowserWindow }) => {
      const pid = BrowserWindow.getAllWindows()[0]?.webContents.getOSProcessId()
      const metric = electronApp.getAppMetrics().find((process) => process.pid === pid)
      return { pid, sandboxed: metric?.sandboxed }
    })
    if (process.platform === 'linux') {
      const status = readFileSync(`/proc/${renderer.pid}/status`, 'utf8')
      expect(status).toMatch(/^Seccomp:\s+2$/m)
    } else {
      expect(renderer.sandboxed).toBe(true)
    }

    // Navigation away and new windows are refused: the page stays where it is, alone.
    await win.evaluate(() => {
      window.location.href = 'https://example.com/'
    })
    await win.waitForTimeout(500)
    expect(win.url()).toBe('app://aimf/index.html')
    const opened = await win.evaluate(() => window.open('https://example.com/') === null)
    expect(opened).toBe(true)
    const fileOpened = await win.evaluate(() => window.open('file:///etc/passwd') === null)
    expect(fileOpened).toBe(true)
    expect(app.windows()).toHaveLength(1)

    // A path from the page is refused by the core.
    const refused = await win.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          api: Record<
            string,
            (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>
          >
        }
      ).api
      const result = await api['file.reveal']?.({ path: '/etc/passwd' })
      return result?.ok ? 'accepted' : result?.error?.code
    })
    expect(refused).toBe('VALIDATION')
  } finally {
    await app.close()
    await rm(userData, { recursive: true, force: true })
  }
})
