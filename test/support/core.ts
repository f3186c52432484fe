import type { IntegrityCheck } from '../../electron/main/db/open-check'
import { join } from 'node:path'
import { AppCore } from '../../electron/main/app/app-core'
import { buildDemo } from '../../electron/main/demo/build-demo'
import { createSession } from '../../electron/main/app/create-session'
import { REGISTERS } from '../../electron/main/workbook/registers'
import { checkFile } from '../../electron/main/check/file-check'
import { createDispatcher, type Dispatch } from '../../electron/main/ipc/dispatch'
import { createHandlers } from '../../electron/main/ipc/handlers'
import { tempFolder } from './temp'
import { TestHost } from './test-host'
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract/channels'
import type { Result } from '@shared/contract/errors'
import type { Job } from '@shared/jobs/schema'
import type { WorkbookReport } from '@shared/workbook/schema'

export interface TestApp {
  core: AppCore
  host: TestHost
  dispatch: Dispatch
  folder: string
  /** Calls a channel as the renderer would, with its typed input and result. */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>
  /** Calls a channel and returns its value, failing the test on an error result. */
  ok<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>
  /** The token the start screen holds for a file of the recent list, as the page gets it. */
  recent(path: string): Promise<string>
}

/**
 * A core on a temp folder, with a new empty data file open unless told otherwise; the folder
 * lives for one test, or for the whole test file when the core is shared (`lifetime: 'file'`).
 */
export async function startTestApp(
  options: {
    openFile?: boolean
    lifetime?: 'test' | 'file'
    clock?: () => number
    /** The background check of a file opened (a test paces it). */
    integrityCheck?: IntegrityCheck
    /** From which size a file opens quickly (the default: large files only). */
    quicklyAbove?: number
  } = {},
): Promise<TestApp> {
  const folder = await tempFolder(options.lifetime)
  const host = new TestHost()
  const core = await AppCore.start({
    appFolder: join(folder, 'app'),
    host,
    appVersion: '0.0.0-test',
    buildDemo,
    createSession,
    registers: REGISTERS,
    checkFile,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.integrityCheck ? { integrityCheck: options.integrityCheck } : {}),
    ...(options.quicklyAbove !== undefined ? { quicklyAbove: options.quicklyAbove } : {}),
  })
  await core.setUserName('Testeur')
  const errors: unknown[] = []
  const dispatch = createDispatcher(
    createHandlers(core),
    () => core.language(),
    (e) => errors.push(e),
  )
  if (options.openFile !== false) await core.createFile(join(folder, 'data.sqlite'))
  const call = (channel: string, input: unknown) => dispatch(channel, input)
  return {
    core,
    host,
    dispatch,
    folder,
    call: call as TestApp['call'],
    async ok(channel, input) {
      const result = await call(channel, input)
      if (!result.ok)
        throw new Error(
          `${channel} failed: ${JSON.stringify(result.error)} ${String(errors.at(-1))}`,
        )
      return result.value as never
    },
    async recent(path) {
      const state = await core.state()
      const file = state.recentFiles.find((recent) => recent.path === path)?.file
      if (!file) throw new Error(`${path} is not in the recent list`)
      return file
    },
  }
}

/** A core with the demo file open, shared by a test file's tests. */
export async function startDemoApp(): Promise<TestApp> {
  const app = await startTestApp({ openFile: false, lifetime: 'file' })
  await app.core.openDemo()
  return app
}

/** Follows a workbook job (a check or an import) to its end, as the window does. */
export async function followJob(app: TestApp, started: Job<WorkbookReport>) {
  let job = started
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20))
    job = await app.ok('workbook.progress', { jobId: job.jobId })
  }
  return job
}

/** Imports a workbook as the window does: starts the job and follows it to its end. */
export async function importWorkbook(app: TestApp, path: string) {
  const file = app.core.files.grant(path, 'import-workbook')
  return followJob(app, await app.ok('workbook.import', { file }))
}
