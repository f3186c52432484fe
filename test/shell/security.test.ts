import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

// The shell is tested with a stand-in for the electron module: the real binary cannot be
// downloaded on these machines, and these tests check our settings and guards, not Electron.
const registered = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>()
const openExternal = vi.fn(async () => undefined)
vi.mock('electron', () => ({
  shell: { openExternal },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}))

const { webPreferences, hardenWebContents, denyAllPermissions, isTrustedSender, APP_ORIGIN } =
  await import('../../electron/main/shell/security')
const { registerChannels } = await import('../../electron/main/shell/ipc')
const { CHANNEL_NAMES } = await import('../../shared/contract/channels')
const { startTestApp } = await import('../support/core')

class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null
  mainFrame = { url: `${APP_ORIGIN}/index.html`, parent: null }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler
  }
}

function navigationEvent() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
  }
}

describe('the window', () => {
  it('runs the interface isolated, sandboxed, without Node', () => {
    expect(webPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('blocks navigation away from the app, new windows and webviews', () => {
    const contents = new FakeWebContents()
    hardenWebContents(contents as never, APP_ORIGIN)
    const away = navigationEvent()
    contents.emit('will-navigate', away, 'https://evil.example/')
    expect(away.defaultPrevented).toBe(true)
    const inside = navigationEvent()
    contents.emit('will-navigate', inside, `${APP_ORIGIN}/index.html`)
    expect(inside.defaultPrevented).toBe(false)
    const redirect = navigationEvent()
    contents.emit('will-redirect', redirect, 'file:///etc/passwd')
    expect(redirect.defaultPrevented).toBe(true)
    const webview = navigationEvent()
    contents.emit('will-attach-webview', webview)
    expect(webview.defaultPrevented).toBe(true)

    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(contents.openHandler?.({ url: 'http://www.aimf.asso.fr/' })).toEqual({ action: 'deny' })
    expect(openExternal).not.toHaveBeenCalled()
    expect(contents.openHandler?.({ url: 'https://www.aimf.asso.fr/' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledWith('https://www.aimf.asso.fr/')
  })

  it('denies every permission request', () => {
    const handlers: Record<string, (...args: unknown[]) => unknown> = {}
    const session = {
      setPermissionRequestHandler: (h: (...args: unknown[]) => unknown) => (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: unknown[]) => unknown) => (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: unknown[]) => unknown) => (handlers.device = h),
    }
    denyAllPermissions(session as never)
    const answer = vi.fn()
    handlers.request?.({}, 'media', answer)
    expect(answer).toHaveBeenCalledWith(false)
    expect(handlers.check?.({}, 'geolocation')).toBe(false)
    expect(handlers.device?.({})).toBe(false)
  })
})

describe('IPC', () => {
  const contents = new FakeWebContents()
  const trustedEvent = { sender: contents, senderFrame: contents.mainFrame }

  it('trusts only the top frame of our own origin', () => {
    expect(isTrustedSender(trustedEvent as never, APP_ORIGIN)).toBe(true)
    const iframe = { url: `${APP_ORIGIN}/index.html`, parent: contents.mainFrame }
    expect(isTrustedSender({ sender: contents, senderFrame: iframe } as never, APP_ORIGIN)).toBe(
      false,
    )
    const elsewhere = new FakeWebContents()
    elsewhere.mainFrame = { url: 'https://evil.example/', parent: null }
    expect(
      isTrustedSender({ sender: elsewhere, senderFrame: elsewhere.mainFrame } as never, APP_ORIGIN),
    ).toBe(false)
    expect(isTrustedSender({ sender: contents, senderFrame: null } as never, APP_ORIGIN)).toBe(
      false,
    )
  })

  it('registers every channel of the contract; refuses strangers and bad payloads; writes nothing', async () => {
    const app = await startTestApp()
    const ipcMain = {
      handle: (channel: string, handler: never) => registered.set(channel, handler),
    }
    registerChannels(
      ipcMain as never,
      app.dispatch,
      (event) => isTrustedSender(event, APP_ORIGIN),
      () => 'fr',
    )
    expect([...registered.keys()].sort()).toEqual([...CHANNEL_NAMES].sort())

    const create = registered.get('funders.create')
    const stranger = new FakeWebContents()
    stranger.mainFrame = { url: 'https://evil.example/', parent: null }
    const refused = await create?.(
      { sender: stranger, senderFrame: stranger.mainFrame },
      { name: 'X', kind: 'city', defaultCurrency: 'EUR' },
    )
    expect(refused).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Opération refusée.' },
    })

    const invalid = await create?.(trustedEvent, { name: 42 })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await app.core.requireSession().funders.list({ includeArchived: true })).toEqual([])
    const log = await app.core
      .requireSession()
      .file.db.selectFrom('change_log')
      .selectAll()
      .execute()
    expect(log).toEqual([])

    const created = await create?.(trustedEvent, {
      name: 'X',
      kind: 'city',
      defaultCurrency: 'EUR',
    })
    expect(created).toMatchObject({ ok: true, value: { name: 'X' } })
    await app.core.dispose()
  })
})
