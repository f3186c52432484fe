import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES } from '@shared/contract/channels'
import { tempFolder } from '../support/temp'
import {
  FakeBrowserWindow,
  FakeFrame,
  FakeWebContents,
  createFakeElectron,
  fakeEvent,
  type FakeElectron,
} from './fake-electron'

/**
 * The real main process (electron/main/shell/start.ts, its first module, which enables Node's
 * compile cache and loads shell/main.ts) started against a stand-in Electron: what
 * it does before the app is ready, the window it opens, the page it loads, the channels it
 * registers and whom they answer — and its refusal to start from a renderer URL in production.
 */

/** The module the shell imports stays one object; each start puts fresh stand-ins in it. */
const electronModule = createFakeElectron().electron
let fake: FakeElectron
vi.mock('electron', () => electronModule)

async function startMain(options: {
  isPackaged: boolean
  productionBuild?: boolean
  rendererUrl?: string
}) {
  const fresh = createFakeElectron()
  Object.assign(electronModule, fresh.electron)
  fake = { ...fresh, electron: electronModule }
  FakeBrowserWindow.created = []
  fake.electron.app.isPackaged = options.isPackaged
  fake.electron.app.userData = await tempFolder()
  vi.stubEnv('PROD', options.productionBuild ?? false)
  if (options.rendererUrl !== undefined) vi.stubEnv('ELECTRON_RENDERER_URL', options.rendererUrl)
  vi.resetModules()
  await import('../../electron/main/shell/start')
  return fake
}

/** Waits for the window (the core starts first), then returns it. */
async function mainWindow(): Promise<FakeBrowserWindow> {
  await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1), { timeout: 10_000 })
  const window = FakeBrowserWindow.created[0]
  if (!window) throw new Error('no window')
  return window
}

/** Quits as the user would: the core closes its file, then the app exits. */
async function quit() {
  fake.electron.app.emit('will-quit', fakeEvent())
  expect(await fake.electron.app.exited).toBe(0)
}

afterEach(() => {
  vi.unstubAllEnvs()
})

const SECURE_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
}

describe('the packaged app', () => {
  it('sandboxes every renderer, loads only app://, denies permissions, and answers only its window', async () => {
    const { electron, handlers, permission, schemes, protocolHandlers } = await startMain({
      isPackaged: true,
    })
    // No compile cache: V8 would run code from the user's data folder, past the checked archive.
    expect(existsSync(join(electron.app.userData, 'compile-cache'))).toBe(false)
    // Before the app is ready: every renderer sandboxed, app:// registered as a secure origin.
    expect(electron.app.calls.slice(0, 2)).toEqual(['enableSandbox', 'requestSingleInstanceLock'])
    expect(schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])

    const window = await mainWindow()
    const preferences = window.options.webPreferences as Record<string, unknown>
    expect(preferences).toMatchObject({ ...SECURE_PREFERENCES, devTools: false })
    expect(preferences).not.toHaveProperty('enableBlinkFeatures')
    expect(preferences).not.toHaveProperty('additionalArguments')
    expect(String(preferences.preload)).toMatch(/preload[/\\]index\.cjs$/)
    expect(window.webContents.loadedUrl).toBe('app://aimf/index.html')
    expect([...protocolHandlers.keys()]).toEqual(['app'])

    // Permissions: none granted, whatever is asked.
    const answer = vi.fn()
    permission.request?.({}, 'media', answer)
    permission.request?.({}, 'openExternal', answer)
    expect(answer.mock.calls).toEqual([[false], [false]])
    expect(permission.check?.({}, 'clipboard-read')).toBe(false)
    expect(permission.device?.({})).toBe(false)

    // The window and any other web contents are hardened.
    const away = fakeEvent()
    window.webContents.emit('will-navigate', away, 'https://evil.example/')
    expect(away.defaultPrevented).toBe(true)
    const other = new FakeWebContents()
    electron.app.emit('web-contents-created', {}, other)
    const otherAway = fakeEvent({ url: 'file:///etc/passwd' })
    other.emit('will-frame-navigate', otherAway)
    expect(otherAway.defaultPrevented).toBe(true)
    expect(other.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })

    // Every channel of the contract, and only those; each answers only the window's top frame.
    expect([...handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort())
    const fromWindow = { sender: window.webContents, senderFrame: window.webContents.mainFrame }
    const call = (channel: string, payload: unknown, event: unknown = fromWindow) =>
      handlers.get(channel)?.(event, payload)
    expect(await call('app.getState', {})).toMatchObject({ ok: true })
    const stranger = new FakeWebContents()
    expect(
      await call('app.getState', {}, { sender: stranger, senderFrame: stranger.mainFrame }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const iframe = new FakeFrame('app://aimf/index.html', window.webContents.mainFrame)
    expect(
      await call('app.getState', {}, { sender: window.webContents, senderFrame: iframe }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    // The window itself, once its page is no longer ours (a navigation that got through), is
    // answered no more; back on the interface, it is again.
    window.webContents.mainFrame.url = 'https://evil.example/'
    expect(await call('app.getState', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    window.webContents.mainFrame.url = 'app://other/index.html'
    expect(await call('app.getState', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    window.webContents.mainFrame.url = 'app://aimf/index.html#/funders'
    expect(await call('app.getState', {})).toMatchObject({ ok: true })
    // Another frame object than the window's main frame, even claiming our origin, is refused.
    const forged = new FakeFrame('app://aimf/index.html')
    expect(
      await call('app.getState', {}, { sender: window.webContents, senderFrame: forged }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    // No channel takes a path from the page.
    expect(await call('workbook.import', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(await call('file.reveal', { file: 'A'.repeat(32) })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', fields: [{ path: 'file' }] },
    })
    expect(electron.shell.showItemInFolder).not.toHaveBeenCalled()
    await quit()
  })
})

describe('a renderer URL', () => {
  it('stops a packaged app from starting', async () => {
    const { electron } = await startMain({
      isPackaged: true,
      rendererUrl: 'http://localhost:5173/',
    })
    expect(await electron.app.exited).toBe(1)
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'AIMF Finances',
      expect.stringContaining('http://localhost:5173/'),
    )
    expect(electron.app.calls).toEqual(['enableSandbox', 'exit 1'])
    expect(FakeBrowserWindow.created).toEqual([])
  })

  it('stops a production build run from the sources (npm start) from starting', async () => {
    const { electron } = await startMain({
      isPackaged: false,
      productionBuild: true,
      rendererUrl: 'http://127.0.0.1:5173/',
    })
    expect(await electron.app.exited).toBe(1)
    expect(FakeBrowserWindow.created).toEqual([])
  })

  it('is used by a development build only when it is the dev server on this machine', async () => {
    const remote = await startMain({ isPackaged: false, rendererUrl: 'https://evil.example/' })
    expect(await remote.electron.app.exited).toBe(1)
    expect(FakeBrowserWindow.created).toEqual([])

    await startMain({ isPackaged: false, rendererUrl: 'http://localhost:5173/' })
    const window = await mainWindow()
    expect(window.webContents.loadedUrl).toBe('http://localhost:5173/')
    expect(window.options.webPreferences).toMatchObject({ ...SECURE_PREFERENCES, devTools: true })
    // The dev server's origin is then the trusted one, and only it.
    const away = fakeEvent()
    window.webContents.emit('will-navigate', away, 'app://aimf/index.html')
    expect(away.defaultPrevented).toBe(true)
    await quit()
  })
})
