import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createFakeElectron, FakeFrame, FakeWebContents, fakeEvent } from './fake-electron'
import { tempFolder } from '../support/temp'

/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), item
 * by item, against the shell's own code with a stand-in `electron` module. The wiring of these
 * pieces in the real main process is tested in main-process.test.ts; the fuses in fuses.test.ts;
 * the page itself in test/e2e (Chromium) and test/e2e/electron-launch.spec.ts (Electron).
 */
const fake = createFakeElectron()
vi.mock('electron', () => fake.electron)

const { webPreferences, hardenWebContents, denyAllPermissions, isTrustedSender, APP_ORIGIN } =
  await import('../../electron/main/shell/security')
const { registerAppScheme, serveRenderer } = await import('../../electron/main/shell/protocol')
const { registerChannels } = await import('../../electron/main/shell/ipc')
const { rendererEntry } = await import('../../electron/main/security/renderer-entry')
const { CONTENT_SECURITY_POLICY } =
  await import('../../electron/main/security/content-security-policy')
const { CHANNEL_NAMES } = await import('@shared/contract/channels')
const { MENU_COMMANDS, MENU_EVENT } = await import('@shared/contract/menu-commands')
const { startTestApp } = await import('../support/core')

const preferences = webPreferences('/app/preload.cjs')

function hardened(origin = APP_ORIGIN) {
  const contents = new FakeWebContents()
  hardenWebContents(contents as never, origin)
  return contents
}

describe('Electron’s security checklist', () => {
  it('1. loads only secure content: the built interface on app://, no network in the CSP', () => {
    for (const isPackaged of [true, false]) {
      expect(rendererEntry({ isPackaged, productionBuild: true, devServerUrl: undefined })).toEqual(
        { ok: true, url: 'app://aimf/index.html', trustedOrigin: APP_ORIGIN },
      )
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|ws:|\*/)
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'")
  })

  it('2. gives no Node.js integration to any page, worker or frame', () => {
    expect(preferences).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    })
  })

  it('3. isolates the context of the preload from the page', () => {
    expect(preferences.contextIsolation).toBe(true)
  })

  it('4. sandboxes the renderer process', () => {
    expect(preferences.sandbox).toBe(true)
    // app.enableSandbox() before the app is ready: see main-process.test.ts.
  })

  it('5. denies every permission request of the session', () => {
    denyAllPermissions(fake.electron.session.defaultSession as never)
    const answer = vi.fn()
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'hid'])
      fake.permission.request?.({}, permission, answer)
    expect(answer.mock.calls.every(([granted]) => granted === false)).toBe(true)
    expect(answer).toHaveBeenCalledTimes(5)
    expect(fake.permission.check?.({}, 'clipboard-read')).toBe(false)
    expect(fake.permission.device?.({})).toBe(false)
  })

  it('6. keeps web security on', () => {
    expect(preferences.webSecurity).toBe(true)
  })

  it('7. serves every file of the interface with the Content-Security-Policy', async () => {
    const folder = await tempFolder()
    const root = join(folder, 'renderer')
    await mkdir(root)
    await writeFile(join(root, 'index.html'), '<!doctype html><title>AIMF</title>')
    await writeFile(join(folder, 'secret.txt'), 'outside the interface')
    serveRenderer(root)
    const serve = fake.protocolHandlers.get('app')
    const page = await serve?.(new Request('app://aimf/index.html'))
    expect(page?.status).toBe(200)
    expect(page?.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page?.headers.get('X-Content-Type-Options')).toBe('nosniff')
    for (const attack of [
      'app://aimf/../secret.txt',
      'app://aimf/%2e%2e/secret.txt',
      'app://aimf/%2E%2E%2Fsecret.txt',
      'app://aimf/..%5Csecret.txt',
    ]) {
      expect((await serve?.(new Request(attack)))?.status).toBe(404)
    }
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/)
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'none'")
  })

  it('8. never runs insecure content', () => {
    expect(preferences.allowRunningInsecureContent).toBe(false)
  })

  it('9. enables no experimental feature', () => {
    expect(preferences.experimentalFeatures).toBe(false)
  })

  it('10. enables no Blink feature', () => {
    expect(preferences).not.toHaveProperty('enableBlinkFeatures')
    expect(Object.keys(preferences).filter((key) => /blink/i.test(key))).toEqual([])
  })

  it('11–12. allows no <webview> (so none with popups or unchecked options)', () => {
    expect(preferences.webviewTag).toBe(false)
    const contents = hardened()
    const attach = fakeEvent()
    contents.emit('will-attach-webview', attach, { allowpopups: true }, {})
    expect(attach.defaultPrevented).toBe(true)
  })

  it('13. refuses navigation away from the interface, in any frame or by redirect', () => {
    const contents = hardened()
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
    ]) {
      for (const event of ['will-navigate', 'will-redirect'] as const) {
        const navigation = fakeEvent()
        contents.emit(event, navigation, url)
        expect(navigation.defaultPrevented, `${event} ${url}`).toBe(true)
      }
      const frame = fakeEvent({ url })
      contents.emit('will-frame-navigate', frame)
      expect(frame.defaultPrevented, `will-frame-navigate ${url}`).toBe(true)
    }
    const inside = fakeEvent()
    contents.emit('will-navigate', inside, `${APP_ORIGIN}/index.html#/funders`)
    expect(inside.defaultPrevented).toBe(false)
    expect(preferences.navigateOnDragDrop).toBe(false)
  })

  it('14–15. opens no new window; only the AIMF’s https site goes to the browser', () => {
    const contents = hardened()
    fake.electron.shell.openExternal.mockClear()
    for (const url of [
      'https://evil.example/',
      'http://www.aimf.asso.fr/',
      'file:///etc/passwd',
      'smb://server/share',
      'javascript:alert(1)',
      'https://www.aimf.asso.fr.evil.example/',
      `${APP_ORIGIN}/index.html`,
    ]) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' })
    }
    expect(fake.electron.shell.openExternal).not.toHaveBeenCalled()
    expect(contents.openHandler?.({ url: 'https://www.aimf.asso.fr/' })).toEqual({
      action: 'deny',
    })
    expect(fake.electron.shell.openExternal).toHaveBeenCalledWith('https://www.aimf.asso.fr/')
  })

  it('16. uses a current Electron (a supported major, the one package.json asks for)', async () => {
    const installed = JSON.parse(await readFile('node_modules/electron/package.json', 'utf8')) as {
      version: string
    }
    const wanted = (
      JSON.parse(await readFile('package.json', 'utf8')) as {
        devDependencies: Record<string, string>
      }
    ).devDependencies.electron
    const major = Number(installed.version.split('.')[0])
    expect(major).toBeGreaterThanOrEqual(45)
    expect(wanted).toMatch(new RegExp(`^\\^${major}\\.`))
  })

  it('17. answers IPC only from the top frame of its own origin', async () => {
    const contents = new FakeWebContents()
    const top = { sender: contents, senderFrame: contents.mainFrame }
    expect(isTrustedSender(top as never, APP_ORIGIN)).toBe(true)
    const iframe = new FakeFrame(`${APP_ORIGIN}/index.html`, contents.mainFrame)
    expect(isTrustedSender({ sender: contents, senderFrame: iframe } as never, APP_ORIGIN)).toBe(
      false,
    )
    const elsewhere = new FakeWebContents('https://evil.example/')
    expect(
      isTrustedSender({ sender: elsewhere, senderFrame: elsewhere.mainFrame } as never, APP_ORIGIN),
    ).toBe(false)
    expect(isTrustedSender({ sender: contents, senderFrame: null } as never, APP_ORIGIN)).toBe(
      false,
    )

    // Registered on the bus: every channel, a stranger refused before its payload is read.
    const app = await startTestApp()
    registerChannels(
      fake.electron.ipcMain as never,
      app.dispatch,
      (event) => isTrustedSender(event, APP_ORIGIN),
      () => 'fr',
    )
    expect([...fake.handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort())
    const create = fake.handlers.get('funders.create')
    const funder = { name: 'X', kind: 'city', defaultCurrency: 'EUR' }
    expect(await create?.({ sender: elsewhere, senderFrame: elsewhere.mainFrame }, funder)).toEqual(
      { ok: false, error: { code: 'FORBIDDEN', message: 'Opération refusée.' } },
    )
    expect(await create?.(top, { name: 42 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    const session = app.core.requireSession()
    expect(await session.funders.list({ includeArchived: true })).toEqual([])
    expect(await session.file.db.selectFrom('change_log').selectAll().execute()).toEqual([])
    expect(await create?.(top, funder)).toMatchObject({ ok: true, value: { name: 'X' } })
    await app.core.dispose()
  })

  it('18. serves the interface on a custom secure scheme, never file://', async () => {
    registerAppScheme()
    expect(fake.schemes).toContainEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    })
    // No privilege that would loosen the page's own rules.
    expect(JSON.stringify(fake.schemes)).not.toMatch(/bypassCSP|corsEnabled|allowServiceWorkers/)
    const shell = await readdir('electron/main/shell')
    for (const file of shell) {
      const source = await readFile(join('electron/main/shell', file), 'utf8')
      expect(source, file).not.toMatch(/loadFile\(|file:\/\//)
    }
    // The fuse that would give file:// pages extra privileges is off: see fuses.test.ts.
  })

  it('20. exposes no Electron API to the page: only the contract’s channels', async () => {
    vi.resetModules()
    await import('../../electron/preload/preload')
    expect(fake.exposed.map(([name]) => name)).toEqual(['api'])
    const api = fake.exposed[0]?.[1] as Record<string, unknown>
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES, 'onMenuCommand'].sort())
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true)
    // A channel function invokes its own channel and nothing else.
    const invoke = fake.electron.ipcRenderer.invoke
    await (api['funders.list'] as (input: unknown) => Promise<unknown>)({})
    expect(invoke).toHaveBeenLastCalledWith('funders.list', {})
    // The menu's events reach the page only as the known commands, never the IPC event.
    const heard: unknown[] = []
    ;(api.onMenuCommand as (listener: (command: unknown) => void) => void)((command) =>
      heard.push(command),
    )
    const deliver = fake.rendererListeners.get(MENU_EVENT)
    deliver?.({ sender: 'ipc' }, MENU_COMMANDS[0])
    deliver?.({ sender: 'ipc' }, 'shell.openExternal')
    deliver?.({ sender: 'ipc' }, { evil: true })
    expect(heard).toEqual([MENU_COMMANDS[0]])
  })
})
