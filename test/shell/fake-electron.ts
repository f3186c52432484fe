import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

/**
 * A stand-in for the `electron` module, recording what the shell asks of it: the real binary
 * cannot be downloaded on these machines, and these tests check our settings and guards, not
 * Electron. Each test file mocks `electron` with {@link fakeElectron}.
 */

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null
  mainFrame: FakeFrame
  loadedUrl: string | null = null
  sent: unknown[][] = []
  constructor(url = 'app://aimf/index.html') {
    super()
    this.mainFrame = new FakeFrame(url)
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler
  }
  send(...args: unknown[]) {
    this.sent.push(args)
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  title = ''
  constructor(readonly options: Record<string, unknown>) {
    super()
    FakeBrowserWindow.created.push(this)
  }
  async loadURL(url: string) {
    this.webContents.loadedUrl = url
    this.webContents.mainFrame.url = url
  }
  setTitle(title: string) {
    this.title = title
  }
  maximize() {}
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false
  }
  isMaximized() {
    return false
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 820 }
  }
}

/** A navigation or attach event: records whether the shell prevented it. */
export function fakeEvent(fields: Record<string, unknown> = {}) {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
  }
}

class FakeApp extends EventEmitter {
  isPackaged = true
  userData = ''
  calls: string[] = []
  exitCode: number | null = null
  private resolveExit: (code: number) => void = () => undefined
  /** The code the app exited with, once it has. */
  readonly exited = new Promise<number>((resolve) => (this.resolveExit = resolve))
  enableSandbox() {
    this.calls.push('enableSandbox')
  }
  requestSingleInstanceLock() {
    this.calls.push('requestSingleInstanceLock')
    return true
  }
  quit() {
    this.calls.push('quit')
  }
  exit(code = 0) {
    this.calls.push(`exit ${code}`)
    this.exitCode = code
    this.resolveExit(code)
  }
  whenReady() {
    this.calls.push('whenReady')
    return Promise.resolve()
  }
  getPath() {
    return this.userData
  }
  getVersion() {
    return '0.0.0-shell-test'
  }
}

export function createFakeElectron() {
  const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>()
  const permission: Record<string, (...args: unknown[]) => unknown> = {}
  const schemes: unknown[] = []
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>()
  const exposed: [string, unknown][] = []
  const rendererListeners = new Map<string, (...args: unknown[]) => void>()
  const electron = {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) =>
        handlers.set(channel, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: (...args: unknown[]) => unknown) =>
          (permission.request = h),
        setPermissionCheckHandler: (h: (...args: unknown[]) => unknown) => (permission.check = h),
        setDevicePermissionHandler: (h: (...args: unknown[]) => unknown) => (permission.device = h),
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (list: unknown[]) => schemes.push(...list),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        protocolHandlers.set(scheme, handler),
    },
    dialog: {
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(async () => ({ response: 0 })),
      showSaveDialog: vi.fn(async () => ({ canceled: true })),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    },
    shell: {
      openExternal: vi.fn(async () => undefined),
      openPath: vi.fn(async () => ''),
      showItemInFolder: vi.fn(),
    },
    screen: {
      getDisplayMatching: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: vi.fn() },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => false,
      getSelectedStorageBackend: () => 'basic_text',
    },
    contextBridge: {
      exposeInMainWorld: (name: string, value: unknown) => exposed.push([name, value]),
    },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, input: unknown) => ({ channel, input })),
      on: (event: string, listener: (...args: unknown[]) => void) =>
        rendererListeners.set(event, listener),
      removeListener: (event: string) => rendererListeners.delete(event),
    },
  }
  return {
    electron,
    handlers,
    permission,
    schemes,
    protocolHandlers,
    exposed,
    rendererListeners,
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>
